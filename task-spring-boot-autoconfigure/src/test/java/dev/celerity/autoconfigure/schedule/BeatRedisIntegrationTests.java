package dev.celerity.autoconfigure.schedule;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.Task;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.broker.Broker;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.redis.RedisBroker;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.TaskMessage;
import dev.celerity.schedule.PeriodicSchedule;
import dev.celerity.schedule.ScheduleRegistry;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three application instances on one Redis broker run a one-second schedule: every tick is enqueued exactly once.
 */
@RequiresRedis
class BeatRedisIntegrationTests {

	private final PublishRecorder broker = new PublishRecorder();

	private final ApplicationContextRunner contextRunner;

	BeatRedisIntegrationTests(RedisTestContext redis) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class, BeatAutoConfiguration.class))
			.withBean(PublishRecorder.class, () -> this.broker)
			.withBean("ticker", Ticker.class)
			.withPropertyValues("spring.data.redis.url=" + RedisTestServer.url(), "celerity.broker.type=redis",
					"celerity.worker.enabled=false",
					"celerity.redis.key-prefix=" + redis.keyPrefix(), "celerity.beat.schedules.tick.task=ticker.tick",
					"celerity.beat.schedules.tick.every=1s", "celerity.beat.schedules.tick.options.expires=1m");
	}

	@Test
	void threeInstancesOnOneRedisEnqueueEachTickOfAOneSecondScheduleOnce() {
		List<Instant> ticks = new ArrayList<>();
		AtomicInteger allRunning = new AtomicInteger();
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.contextRunner.run((first) -> {
			assertThat(first).hasNotFailed();
			assertThat(this.broker.brokers).hasOnlyElementsOfType(RedisBroker.class);
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

	static class Ticker {

		@Task(name = "ticker.tick")
		public void tick() {
		}

	}

	/**
	 * Wraps each instance's Redis broker to record every publish call, duplicates included (the broker itself would
	 * drop a duplicate id silently).
	 */
	static class PublishRecorder implements BeanPostProcessor {

		final List<OutboundMessage> published = new CopyOnWriteArrayList<>();

		final List<Broker> brokers = new CopyOnWriteArrayList<>();

		@Override
		@SuppressWarnings("unchecked")
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof Broker broker)) {
				return bean;
			}
			this.brokers.add(broker);
			return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Broker.class },
					(proxy, method, args) -> {
						if (method.getName().equals("publish")) {
							this.published.add((OutboundMessage) args[0]);
						}
						else if (method.getName().equals("publishAll")) {
							this.published.addAll((List<OutboundMessage>) args[0]);
						}
						try {
							return method.invoke(broker, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
