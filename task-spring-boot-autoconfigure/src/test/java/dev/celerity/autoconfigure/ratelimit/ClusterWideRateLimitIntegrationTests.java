package dev.celerity.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.broker.Broker;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.ratelimit.RateLimiter;
import dev.celerity.ratelimit.redis.RedisRateLimiter;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A limit shared by two instances through Redis: two application contexts, each with its own Redis connection and
 * four worker threads, take turns on one queue (a shared embedded broker stands in for the Redis broker) and together
 * stay within one task's limit.
 */
@RequiresRedis
class ClusterWideRateLimitIntegrationTests {

	private static final int MESSAGES = 200;

	private static final int LIMIT = 20;

	private final ApplicationContextRunner instance;

	ClusterWideRateLimitIntegrationTests(RedisTestContext redis) {
		this.instance = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CelerityAutoConfiguration.class,
					CelerityRateLimitAutoConfiguration.class))
			.withUserConfiguration(ApiTasksConfiguration.class)
			.withPropertyValues("spring.data.redis.url=" + RedisTestServer.url(),
					"celerity.redis.key-prefix=" + redis.keyPrefix(), "celerity.worker.concurrency=4",
					"celerity.worker.shutdown-timeout=1s");
	}

	@Test
	void twoInstancesTogetherStayWithinOneTasksLimit() {
		Broker queue = new InMemoryBroker();
		ConcurrentLinkedQueue<Long> completions = new ConcurrentLinkedQueue<>();
		ApplicationContextRunner shared = this.instance.withBean(Broker.class, () -> queue)
			.withBean(Completions.class, () -> new Completions(completions));
		shared.run((first) -> shared.run((second) -> {
			assertThat(first.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class);
			TaskTemplate template = first.getBean(TaskTemplate.class);
			for (int i = 0; i < MESSAGES; i++) {
				template.send("api.call", i);
			}
			await().atMost(Duration.ofSeconds(40)).until(() -> completions.size() == MESSAGES);
		}));
		List<Long> times = new ArrayList<>(completions);
		times.sort(Long::compare);
		long runMillis = (times.get(times.size() - 1) - times.get(0)) / 1_000_000;
		int busiestSecond = busiestWindow(times, 1);
		int busiestTwoSeconds = busiestWindow(times, 2);
		System.out.printf("200 tasks at %d/s on two instances: run %d ms, busiest 1-second window %d, busiest "
				+ "2-second window %d%n", LIMIT, runMillis, busiestSecond, busiestTwoSeconds);
		// a burst of LIMIT, then LIMIT per second: (200 - 20) / 20 = 9 s; a per-instance limit would take ~4 s
		assertThat(runMillis).isGreaterThan(8_000);
		// completions are timed when the task runs, so a stall of the loaded machine can bunch admitted tasks into one
		// second: over two seconds the limit allows the burst plus two seconds of refill (60), with a quarter of a
		// second for jitter; a per-instance limit would reach ~120 (two bursts plus twice the refill)
		assertThat(busiestTwoSeconds).isLessThanOrEqualTo(3 * LIMIT + LIMIT / 2);
		// and no single second comes near what two independent buckets would allow (~80)
		assertThat(busiestSecond).isLessThan(4 * LIMIT - LIMIT / 2);
	}

	private static int busiestWindow(List<Long> sortedNanos, int seconds) {
		int busiest = 0;
		int start = 0;
		for (int end = 0; end < sortedNanos.size(); end++) {
			while (sortedNanos.get(end) - sortedNanos.get(start) >= seconds * 1_000_000_000L) {
				start++;
			}
			busiest = Math.max(busiest, end - start + 1);
		}
		return busiest;
	}

	record Completions(ConcurrentLinkedQueue<Long> times) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ApiTasksConfiguration {

		@Bean
		ApiTasks apiTasks(Completions completions) {
			return new ApiTasks(completions);
		}

	}

	static class ApiTasks {

		private final Completions completions;

		ApiTasks(Completions completions) {
			this.completions = completions;
		}

		@Task(name = "api.call", rateLimit = "20/s")
		public void call(int request) {
			this.completions.times().add(System.nanoTime());
		}

	}

}
