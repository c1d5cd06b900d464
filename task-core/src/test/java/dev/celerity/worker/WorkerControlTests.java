package dev.celerity.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Task;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskState;
import dev.celerity.api.Signature;
import dev.celerity.api.TimeLimit;
import dev.celerity.api.TimeLimitExceededException;
import dev.celerity.events.TaskEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Revoke, terminate, pause and time limits on a real worker over the embedded broker.
 */
class WorkerControlTests {

	private final Tasks tasks = new Tasks();

	private final WorkerFixture fixture = new WorkerFixture(this.tasks,
			new AnnotatedTimeLimitPolicy(java.util.Map.of(), TimeLimits.NONE));

	@AfterEach
	void stopWorker() {
		this.tasks.release.countDown();
		this.fixture.close();
	}

	@Test
	void eventsOfASuccessfulTaskArriveInOrder() {
		this.fixture.worker.start();
		AsyncResult<Object> result = this.fixture.template.send("add", 2, 3);
		assertThat(result.get(Duration.ofSeconds(5))).isEqualTo(5);
		await().untilAsserted(() -> assertThat(workerEvents(result.id())).containsExactly(
				TaskEvent.TaskReceived.class, TaskEvent.TaskStarted.class, TaskEvent.TaskSucceeded.class));
		assertThat(this.fixture.eventTypes(result.id())).containsOnlyOnce(TaskEvent.TaskPublished.class);
		TaskEvent.TaskStarted started = (TaskEvent.TaskStarted) this.fixture.events.stream()
			.filter(TaskEvent.TaskStarted.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(started.waited()).isNotNull().isLessThan(Duration.ofSeconds(5));
		assertThat(started.argsSummary()).isEqualTo("[2, 3]");
	}

	@Test
	void eventsOfARetriedThenFailedTaskArriveInOrder() {
		this.fixture.worker.start();
		AsyncResult<Object> result = this.fixture.template.send("flaky");
		assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(Duration.ofSeconds(5)));
		await().untilAsserted(() -> assertThat(workerEvents(result.id())).containsExactly(
				TaskEvent.TaskReceived.class, TaskEvent.TaskStarted.class, TaskEvent.TaskRetried.class,
				TaskEvent.TaskReceived.class, TaskEvent.TaskStarted.class, TaskEvent.TaskFailed.class));
	}

	@Test
	void revokedDelayedTaskNeverRunsAndIsMarkedRevoked() {
		this.fixture.worker.start();
		AsyncResult<Object> result = this.fixture.template
			.send(Signature.of("add", 1, 2).countdown(Duration.ofMillis(300)));
		this.fixture.revocations.revoke(result.id());
		await().until(() -> this.fixture.eventTypes(result.id()).contains(TaskEvent.TaskRevoked.class));
		assertThat(this.tasks.adds.get()).isZero();
		assertThat(result.state()).isEqualTo(TaskState.REVOKED);
		assertThat(this.fixture.broker.depth("default")).isZero();
	}

	@Test
	void terminateInterruptsARunningTaskAndMarksItRevoked() throws Exception {
		this.fixture.worker.start();
		AsyncResult<Object> result = this.fixture.template.send("waiting");
		this.tasks.started.await();
		assertThat(this.fixture.supervisor.running()).extracting(AttemptSupervisor.RunningTask::taskId)
			.containsExactly(result.id());
		assertThat(this.fixture.supervisor.terminate(result.id())).isTrue();
		await().until(() -> this.tasks.interrupted);
		assertThat(result.state()).isEqualTo(TaskState.REVOKED);
		await().until(() -> this.fixture.supervisor.running().isEmpty());
		assertThat(this.fixture.eventTypes(result.id())).endsWith(TaskEvent.TaskRevoked.class)
			.doesNotContain(TaskEvent.TaskFailed.class);
	}

	@Test
	void softTimeLimitInterruptsTheTaskWhichCleansUpAndFails() {
		this.fixture.worker.start();
		AsyncResult<Object> result = this.fixture.template.send("soft");
		assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.getRemoteError().type())
				.isEqualTo(TimeLimitExceededException.class.getName()))
			.satisfies((ex) -> assertThat(ex.getRemoteError().message()).contains("soft time limit"));
		assertThat(this.tasks.interrupted).isTrue();
	}

	@Test
	void hardTimeLimitFailsTheAttemptOfATaskThatIgnoresInterrupts() {
		this.fixture.worker.start();
		AsyncResult<Object> result = this.fixture.template.send("stubborn");
		assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.getRemoteError().message()).contains("hard time limit"));
		assertThat(this.fixture.broker.depth("default")).isZero();
		this.tasks.release.countDown();
		await().until(() -> this.fixture.supervisor.running().isEmpty());
		assertThat(result.state()).isEqualTo(TaskState.FAILURE);
		assertThat(this.fixture.eventTypes(result.id())).filteredOn(TaskEvent.TaskFailed.class::equals).hasSize(1);
	}

	@Test
	void pausedQueueIsNotFetchedUntilResumed() {
		this.fixture.pauses.pause("default");
		this.fixture.worker.start();
		AsyncResult<Object> result = this.fixture.template.send("add", 1, 1);
		await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
			.until(() -> this.fixture.broker.depth("default") == 1);
		this.fixture.pauses.resume("default");
		assertThat(result.get(Duration.ofSeconds(5))).isEqualTo(2);
	}

	// published comes from the caller's thread, so a fast worker's events may precede it
	private List<Class<?>> workerEvents(String taskId) {
		return this.fixture.eventTypes(taskId).stream()
			.filter((type) -> type != TaskEvent.TaskPublished.class)
			.toList();
	}

	public static class Tasks {

		final AtomicInteger adds = new AtomicInteger();

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		volatile boolean interrupted;

		@Task(name = "add")
		public int add(int a, int b) {
			this.adds.incrementAndGet();
			return a + b;
		}

		@Task(name = "flaky", maxRetries = 1, autoretryFor = IllegalStateException.class, retryBackoff = "10ms",
				retryJitter = false)
		public void flaky() {
			throw new IllegalStateException("always");
		}

		@Task(name = "waiting")
		public String waiting() {
			this.started.countDown();
			return sleep();
		}

		@Task(name = "soft")
		@TimeLimit(soft = "200ms")
		public String soft() {
			return sleep();
		}

		@Task(name = "stubborn")
		@TimeLimit(hard = "200ms")
		public String stubborn() {
			while (true) {
				try {
					this.release.await();
					return "late";
				}
				catch (InterruptedException ex) {
					this.interrupted = true;
				}
			}
		}

		private String sleep() {
			try {
				Thread.sleep(30_000);
				return "woke";
			}
			catch (InterruptedException ex) {
				this.interrupted = true;
				throw new IllegalStateException("interrupted, cleaned up", ex);
			}
		}

	}

}
