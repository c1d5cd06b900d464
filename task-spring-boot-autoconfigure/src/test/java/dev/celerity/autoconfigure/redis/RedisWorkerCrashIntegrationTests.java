package dev.celerity.autoconfigure.redis;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.celerity.api.TaskTemplate;
import dev.celerity.testing.redis.RedisTestContext;
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

	private final CrashTestRecords records;

	RedisWorkerCrashIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
		this.records = new CrashTestRecords(redis, this.queue);
	}

	@Test
	void killedWorkersRunningTasksRunAgainElsewhereAndNothingElseDoes() throws Exception {
		Process victim = this.records.startWorkerProcess(CrashTestTasks.VICTIM, "crash-test-victim.log");
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> this.records.ready(CrashTestTasks.VICTIM));
			this.records.survivorRunner().run((survivor) -> {
				TaskTemplate tasks = survivor.getBean(TaskTemplate.class);
				for (int i = 0; i < JOBS; i++) {
					tasks.send("crash.work", "job-" + i);
				}
				// kill while the victim is in the middle of a task (after a few tasks it hangs in the next one until
				// killed)
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
					.until(() -> !this.records.hanging().isEmpty());
				victim.destroyForcibly().waitFor();
				Set<String> started = this.records.started(CrashTestTasks.VICTIM);
				Set<String> inFlight = this.records.inFlight();

				await().atMost(Duration.ofSeconds(60)).until(() -> finishedJobs().size() == JOBS);
				Map<String, Long> runs = this.records.runs();
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

	private Set<String> finishedJobs() {
		Set<String> finished = new HashSet<>(this.records.finished(CrashTestTasks.VICTIM));
		finished.addAll(this.records.finished("survivor"));
		return finished;
	}

}
