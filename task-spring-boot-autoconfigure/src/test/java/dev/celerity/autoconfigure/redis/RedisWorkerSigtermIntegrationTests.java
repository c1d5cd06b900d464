package dev.celerity.autoconfigure.redis;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.celerity.api.TaskTemplate;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker process stopped with SIGTERM (as Kubernetes stops a pod) while its tasks run: the tasks it was running
 * finish there before it exits, its prefetched messages go back to the queue, and every job runs exactly once.
 */
@RequiresRedis
class RedisWorkerSigtermIntegrationTests {

	private static final String TERMINATED = "terminated";

	private static final int JOBS = 16;

	private final String queue = "sigterm-" + UUID.randomUUID();

	private final CrashTestRecords records;

	RedisWorkerSigtermIntegrationTests(RedisTestContext redis) {
		this.records = new CrashTestRecords(redis, this.queue);
	}

	@Test
	void terminatedWorkerFinishesItsRunningTasksAndGivesBackTheRestSoEveryJobRunsOnce() throws Exception {
		Process worker = this.records.startWorkerProcess(TERMINATED, "sigterm-test-worker.log");
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> this.records.ready(TERMINATED));
			this.records.survivorRunner().run((survivor) -> {
				TaskTemplate tasks = survivor.getBean(TaskTemplate.class);
				for (int i = 0; i < JOBS; i++) {
					tasks.send("crash.slowWork", "job-" + i);
				}
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
					.until(() -> !inFlight().isEmpty());
				Set<String> runningAtTerm = inFlight();
				// Process.destroy() is SIGTERM on Linux: the JVM runs its shutdown hooks, Spring closes the context
				worker.destroy();
				assertThat(worker.waitFor(20, TimeUnit.SECONDS)).as("worker exited within its shutdown").isTrue();
				assertThat(runningAtTerm).as("jobs running when SIGTERM came").isNotEmpty();
				assertThat(this.records.finished(TERMINATED)).as("finished in the terminated worker")
					.containsAll(runningAtTerm)
					.containsAll(this.records.started(TERMINATED));

				await().atMost(Duration.ofSeconds(30)).until(() -> finishedJobs().size() == JOBS);
				Map<String, Long> runs = this.records.runs();
				assertThat(runs).hasSize(JOBS);
				assertThat(runs.values()).as("runs of each job").containsOnly(1L);
			});
		}
		finally {
			worker.destroyForcibly();
		}
	}

	private Set<String> inFlight() {
		Set<String> inFlight = new HashSet<>(this.records.started(TERMINATED));
		inFlight.removeAll(this.records.finished(TERMINATED));
		return inFlight;
	}

	private Set<String> finishedJobs() {
		Set<String> finished = new HashSet<>(this.records.finished(TERMINATED));
		finished.addAll(this.records.finished("survivor"));
		return finished;
	}

}
