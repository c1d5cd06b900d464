package dev.celerity.autoconfigure.redis;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker process killed with SIGKILL in the middle of a run, another worker left running: every task completes,
 * none is lost, and only the tasks that were running in the killed process run a second time.
 */
@RequiresRedis
class RedisWorkerCrashIntegrationTests {

	private static final int JOBS = 120;

	private final RedisTestContext redis;

	private final String queue = "crash-" + UUID.randomUUID();

	RedisWorkerCrashIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@Test
	void killedWorkersRunningTasksRunAgainElsewhereAndNothingElseDoes() throws Exception {
		String prefix = this.redis.keyPrefix();
		Process victim = startWorkerProcess("victim");
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> exists(CrashTestTasks.readyKey(prefix, "victim")));
			survivorRunner().run((survivor) -> {
				TaskTemplate tasks = survivor.getBean(TaskTemplate.class);
				for (int i = 0; i < JOBS; i++) {
					tasks.send("crash.work", "job-" + i);
				}
				// kill while the victim is in the middle of a task (after a few tasks it hangs in the next one until
				// killed)
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
					.until(() -> !members(CrashTestTasks.hangingKey(prefix)).isEmpty());
				victim.destroyForcibly().waitFor();
				Set<String> started = members(CrashTestTasks.startedKey(prefix, "victim"));
				Set<String> inFlight = inFlight(prefix);

				await().atMost(Duration.ofSeconds(60)).until(() -> finishedJobs().size() == JOBS);
				Map<String, Long> runs = runs();
				Set<String> ranTwice = runs.entrySet()
					.stream()
					.filter((entry) -> entry.getValue() > 1)
					.map(Map.Entry::getKey)
					.collect(Collectors.toSet());
				assertThat(runs).hasSize(JOBS);
				assertThat(runs.values()).allSatisfy((count) -> assertThat(count).isBetween(1L, 2L));
				assertThat(inFlight).as("jobs running in the killed worker").isNotEmpty();
				// those ran again; besides them, only a job finished but not yet acknowledged at the kill may have
				assertThat(ranTwice).as("jobs that ran twice").containsAll(inFlight).isSubsetOf(started)
					.hasSizeLessThanOrEqualTo(4);
			});
		}
		finally {
			victim.destroyForcibly();
		}
	}

	private ApplicationContextRunner survivorRunner() {
		Map<String, Object> properties = CrashTestWorker.properties(RedisTestServer.url(), this.redis.keyPrefix(),
				this.queue, "survivor");
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class))
			.withPropertyValues(properties.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new))
			.withBean(CrashTestTasks.class, () -> new CrashTestTasks("survivor", this.redis.keyPrefix(),
					this.redis.connectionFactory()));
	}

	private Process startWorkerProcess(String instance) throws Exception {
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		File log = new File("target", "crash-test-" + instance + ".log");
		return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				CrashTestWorker.class.getName(), RedisTestServer.url(), this.redis.keyPrefix(), this.queue, instance)
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
	}

	private Set<String> inFlight(String prefix) {
		Set<String> inFlight = new HashSet<>(members(CrashTestTasks.startedKey(prefix, "victim")));
		inFlight.removeAll(members(CrashTestTasks.finishedKey(prefix, "victim")));
		return inFlight;
	}

	private Set<String> finishedJobs() {
		Set<String> finished = new HashSet<>(members(CrashTestTasks.finishedKey(this.redis.keyPrefix(), "victim")));
		finished.addAll(members(CrashTestTasks.finishedKey(this.redis.keyPrefix(), "survivor")));
		return finished;
	}

	private Map<String, Long> runs() {
		try (RedisConnection connection = connectionFactory().getConnection()) {
			return connection.hashCommands()
				.hGetAll(CrashTestTasks.bytes(CrashTestTasks.runsKey(this.redis.keyPrefix())))
				.entrySet()
				.stream()
				.collect(Collectors.toMap((entry) -> new String(entry.getKey()),
						(entry) -> Long.parseLong(new String(entry.getValue()))));
		}
	}

	private Set<String> members(String key) {
		try (RedisConnection connection = connectionFactory().getConnection()) {
			return connection.setCommands()
				.sMembers(CrashTestTasks.bytes(key))
				.stream()
				.map(String::new)
				.collect(Collectors.toSet());
		}
	}

	private boolean exists(String key) {
		try (RedisConnection connection = connectionFactory().getConnection()) {
			return Boolean.TRUE.equals(connection.keyCommands().exists(CrashTestTasks.bytes(key)));
		}
	}

	private RedisConnectionFactory connectionFactory() {
		return this.redis.connectionFactory();
	}

}
