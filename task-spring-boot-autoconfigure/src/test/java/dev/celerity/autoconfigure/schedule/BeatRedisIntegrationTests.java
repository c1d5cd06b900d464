package dev.celerity.autoconfigure.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.api.Task;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.broker.Broker;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.TaskMessage;
import dev.celerity.schedule.PeriodicSchedule;
import dev.celerity.schedule.ScheduleRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three application instances on one Redis run a one-second schedule: every tick is enqueued exactly once.
 */
class BeatRedisIntegrationTests {

	private final String prefix = "celerity-test-" + UUID.randomUUID().toString().substring(0, 8);

	private final RecordingBroker broker = new RecordingBroker();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CelerityAutoConfiguration.class,
				BeatAutoConfiguration.class))
		.withBean(Broker.class, () -> this.broker)
		.withBean("ticker", Ticker.class)
		.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379",
				"celerity.worker.enabled=false", "celerity.beat.key-prefix=" + this.prefix,
				"celerity.beat.schedules.tick.task=ticker.tick", "celerity.beat.schedules.tick.every=1s",
				"celerity.beat.schedules.tick.options.expires=1m");

	@AfterEach
	void deleteKeys() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory("127.0.0.1", 6379);
		factory.afterPropertiesSet();
		factory.start();
		try {
			StringRedisTemplate redis = new StringRedisTemplate(factory);
			Set<String> keys = redis.keys(this.prefix + ":*");
			if (keys != null && !keys.isEmpty()) {
				redis.delete(keys);
			}
		}
		catch (RuntimeException ex) {
			// No Redis, no keys.
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void threeInstancesOnOneRedisEnqueueEachTickOfAOneSecondScheduleOnce() {
		List<Instant> ticks = new ArrayList<>();
		AtomicInteger allRunning = new AtomicInteger();
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.contextRunner.run((first) -> {
			assertThat(first).hasNotFailed();
			Assumptions.assumeTrue(redisAnswers(first.getBean(StringRedisTemplate.class)), "Redis not reachable");
			this.contextRunner.run((second) -> this.contextRunner.run((third) -> {
				assertThat(second).hasNotFailed();
				assertThat(third).hasNotFailed();
				// Ten seconds of ticks with all three instances running.
				allRunning.set(this.broker.published.size());
				await().atMost(Duration.ofSeconds(20))
					.until(() -> this.broker.published.size() >= allRunning.get() + 10);
			}));
			PeriodicSchedule schedule = first.getBean(ScheduleRegistry.class).find("tick").orElseThrow();
			MessageCodec codec = first.getBean(MessageCodec.class);
			// Task ids derive from the tick: map the ids of every second of the run back to their ticks.
			Map<String, Instant> ticksById = new HashMap<>();
			for (Instant tick = started.minusSeconds(5); tick.isBefore(Instant.now().plusSeconds(5));
					tick = tick.plusSeconds(1)) {
				ticksById.put(schedule.taskId(tick), tick);
			}
			for (OutboundMessage message : this.broker.published) {
				TaskMessage decoded = codec.decode(message.body());
				assertThat(ticksById).containsKey(decoded.id());
				assertThat(decoded.headers().expires()).isAfter(ticksById.get(decoded.id()));
				ticks.add(ticksById.get(decoded.id()));
			}
		});
		assertThat(ticks).doesNotHaveDuplicates();
		// Claims go in tick order, but two instances may publish neighbouring ticks in either order.
		Instant firstWithAllRunning = ticks.subList(allRunning.get(), ticks.size()).stream().min(Instant::compareTo)
			.orElseThrow();
		ticks.sort(null);
		List<Instant> steady = ticks.subList(ticks.indexOf(firstWithAllRunning), ticks.size());
		assertThat(steady).hasSizeGreaterThanOrEqualTo(10);
		for (int i = 1; i < steady.size(); i++) {
			assertThat(Duration.between(steady.get(i - 1), steady.get(i))).as("gap before tick %s", steady.get(i))
				.isEqualTo(Duration.ofSeconds(1));
		}
		Set<String> ids = new HashSet<>();
		this.broker.published.forEach((message) -> ids.add(message.id()));
		assertThat(ids).hasSameSizeAs(this.broker.published);
	}

	private static boolean redisAnswers(StringRedisTemplate redis) {
		try {
			redis.hasKey("ping");
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static class Ticker {

		@Task(name = "ticker.tick")
		public void tick() {
		}

	}

	/**
	 * The broker all three instances share, recording every publish call, duplicates included.
	 */
	static class RecordingBroker extends InMemoryBroker {

		final List<OutboundMessage> published = new CopyOnWriteArrayList<>();

		@Override
		public boolean publish(OutboundMessage message) {
			this.published.add(message);
			return super.publish(message);
		}

	}

}
