package dev.celerity.autoconfigure.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several independent application contexts sharing one Redis: one publishes, two run the tasks.
 */
@RequiresRedis
class RedisMultiInstanceIntegrationTests {

	private final RunLog runLog = new RunLog();

	private final ApplicationContextRunner contextRunner;

	RedisMultiInstanceIntegrationTests(RedisTestContext redis) {
		String queue = "multi-" + UUID.randomUUID();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class))
			.withBean(RunLog.class, () -> this.runLog)
			.withPropertyValues("spring.data.redis.url=" + RedisTestServer.url(),
					"celerity.redis.key-prefix=" + redis.keyPrefix(), "celerity.default-queue=" + queue,
					"celerity.worker.queues=" + queue, "celerity.worker.concurrency=2",
					"celerity.worker.fetch-wait=200ms");
	}

	@Test
	void tasksPublishedByOneInstanceRunOnceOnTheOthersAndTheirResultsCrossBack() {
		this.contextRunner.withPropertyValues("celerity.worker.enabled=false").run((publisher) -> {
			this.contextRunner.withBean("tasks", RecordingTasks.class, () -> new RecordingTasks("left", this.runLog))
				.run((left) -> this.contextRunner
					.withBean("tasks", RecordingTasks.class, () -> new RecordingTasks("right", this.runLog))
					.run((right) -> {
						TaskTemplate tasks = publisher.getBean(TaskTemplate.class);
						List<AsyncResult<Object>> results = new ArrayList<>();
						for (int i = 0; i < 200; i++) {
							results.add(tasks.send("multi.record", "job-" + i));
						}
						for (int i = 0; i < 200; i++) {
							assertThat(results.get(i).get(Duration.ofSeconds(20))).asString()
								.endsWith(":job-" + i);
						}
						assertThat(this.runLog.runs).hasSize(200)
							.allSatisfy((job, count) -> assertThat(count.get()).isOne());
						assertThat(this.runLog.byInstance).containsOnlyKeys("left", "right");
					}));
		});
	}

	/**
	 * Counts runs by job and by instance, across contexts.
	 */
	static class RunLog {

		final ConcurrentMap<String, AtomicInteger> runs = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();

		void record(String instance, String job) {
			this.runs.computeIfAbsent(job, (key) -> new AtomicInteger()).incrementAndGet();
			this.byInstance.computeIfAbsent(instance, (key) -> new AtomicInteger()).incrementAndGet();
		}

	}

	/**
	 * A task that records which instance ran it.
	 */
	static class RecordingTasks {

		private final String instance;

		private final RunLog runLog;

		RecordingTasks(String instance, RunLog runLog) {
			this.instance = instance;
			this.runLog = runLog;
		}

		@Task(name = "multi.record")
		public String record(String job) {
			this.runLog.record(this.instance, job);
			// a little work, so that both instances get a share
			java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
			return this.instance + ":" + job;
		}

	}

}
