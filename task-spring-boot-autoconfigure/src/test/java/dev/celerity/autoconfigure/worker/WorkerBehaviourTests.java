package dev.celerity.autoconfigure.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.BlockingGetInTaskException;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskOptions;
import dev.celerity.api.TaskRevokedException;
import dev.celerity.api.TaskState;
import dev.celerity.api.TaskTemplate;
import dev.celerity.broker.Broker;
import dev.celerity.broker.DeadLetter;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.events.TaskEvent;
import dev.celerity.worker.Worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The worker running tasks end to end on the embedded broker.
 */
class WorkerBehaviourTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = WorkerConfigurationTestSupport.runner();

	@Test
	void higherPriorityRunsFirstAndEqualPrioritiesInSendingOrder() {
		this.contextRunner.withPropertyValues("celerity.worker.concurrency=1", "celerity.worker.prefetch=0")
			.run((context) -> {
				TaskTemplate tasks = context.getBean(TaskTemplate.class);
				Worker worker = context.getBean(Worker.class);
				worker.stop();
				String[] order = { "low-1:0", "high-1:9", "mid-1:5", "low-2:0", "high-2:9", "mid-2:5" };
				AsyncResult<?> last = null;
				for (String entry : order) {
					String[] parts = entry.split(":");
					last = tasks.send(Signature.of("test.echo", parts[0]).priority(Integer.parseInt(parts[1])));
				}
				worker.start();
				await().atMost(WAIT).until(() -> attempts(context, "test.echo").size() == 6);
				assertThat(attempts(context, "test.echo")).extracting(WorkerTestTasks.Attempt::argument)
					.containsExactly("high-1", "high-2", "mid-1", "mid-2", "low-1", "low-2");
				assertThat(last.get(WAIT)).isEqualTo("mid-2");
			});
	}

	@Test
	void countdownAndEtaDelayTheRun() {
		this.contextRunner.run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			Instant sent = Instant.now();
			AsyncResult<Object> counted = tasks.send(Signature.of("test.echo", "counted")
				.countdown(Duration.ofMillis(400)));
			AsyncResult<Object> timed = tasks.send(Signature.of("test.echo", "timed").eta(sent.plusMillis(600)));
			AsyncResult<Object> now = tasks.send(Signature.of("test.echo", "now"));
			assertThat(now.get(WAIT)).isEqualTo("now");
			assertThat(counted.state()).isEqualTo(TaskState.PENDING);
			assertThat(counted.get(WAIT)).isEqualTo("counted");
			assertThat(timed.get(WAIT)).isEqualTo("timed");
			assertThat(startOf(context, "counted")).isAfterOrEqualTo(sent.plusMillis(400));
			assertThat(startOf(context, "timed")).isAfterOrEqualTo(sent.plusMillis(600));
		});
	}

	@Test
	void expiredTaskIsRevokedInsteadOfRun() {
		this.contextRunner.run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			AsyncResult<Object> expired = tasks.send(Signature.of("test.echo", "stale")
				.set(TaskOptions.none().withExpires(Instant.now().minusSeconds(1))));
			assertThatExceptionOfType(TaskRevokedException.class).isThrownBy(() -> expired.get(WAIT))
				.withMessageContaining("expired");
			assertThat(expired.state()).isEqualTo(TaskState.REVOKED);
			assertThat(attempts(context, "test.echo")).isEmpty();
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(events(context, TaskEvent.TaskRevoked.class))
					.extracting(TaskEvent::taskId)
					.containsExactly(expired.id()));
		});
	}

	@Test
	void messageOfAWorkerThatStoppedRenewingItsLeaseIsRunByAnother() {
		this.contextRunner.withPropertyValues("celerity.worker.fetch-wait=100ms").run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			Broker broker = context.getBean(Broker.class);
			Worker worker = context.getBean(Worker.class);
			worker.stop();
			AsyncResult<Object> result = tasks.send(Signature.of("test.echo", "abandoned"));
			// a worker that leases the message and dies without acknowledging it
			assertThat(broker.fetch("default", 1, Duration.ofMillis(300), Duration.ZERO)).hasSize(1);
			worker.start();
			assertThat(result.get(WAIT)).isEqualTo("abandoned");
			assertThat(attempts(context, "test.echo")).hasSize(1);
			assertThat(events(context, TaskEvent.TaskReceived.class)).singleElement()
				.satisfies((received) -> assertThat(received.redelivered()).isTrue());
		});
	}

	@Test
	void undecodableUnknownAndUnbindableMessagesAreDeadLetteredWithReasons() {
		this.contextRunner.run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			Broker broker = context.getBean(Broker.class);
			broker.publish(new OutboundMessage("garbage", "default", 0, null,
					"{not json".getBytes(StandardCharsets.UTF_8)));
			broker.publish(new OutboundMessage("incomplete", "default", 0, null,
					"{\"id\":\"incomplete\"}".getBytes(StandardCharsets.UTF_8)));
			AsyncResult<Object> unknown = tasks.send("no.such.task", 1);
			AsyncResult<Object> unbindable = tasks.send("test.add", "one", "two");
			AsyncResult<Object> tooMany = tasks.send("test.add", 1, 2, 3);
			await().atMost(WAIT).until(() -> broker.deadLetters("default", 10).size() == 5);
			List<DeadLetter> dead = broker.deadLetters("default", 10);
			assertThat(reasonOf(dead, "garbage")).startsWith("Not a task message");
			assertThat(reasonOf(dead, "incomplete")).contains("id, task and delivery are required");
			assertThat(reasonOf(dead, unknown.id())).contains("Unknown task 'no.such.task'");
			assertThat(reasonOf(dead, unbindable.id())).contains("Argument 'a'").contains("cannot be read as");
			assertThat(reasonOf(dead, tooMany.id())).contains("takes 2 positional argument(s) but 3 were given");
			await().atMost(WAIT).until(() -> events(context, TaskEvent.TaskRejected.class).size() == 5);
			assertThat(broker.depth("default")).isZero();
		});
	}

	@Test
	void failingTaskIsRetriedWithExponentialBackoffUntilItSucceeds() {
		this.contextRunner.run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			context.getBean(WorkerTestTasks.class).failTimes("k1", 2);
			AsyncResult<Object> result = tasks.send("test.flaky", "k1");
			assertThat(result.get(WAIT)).isEqualTo("ok k1");
			List<WorkerTestTasks.Attempt> attempts = attempts(context, "test.flaky");
			assertThat(attempts).extracting(WorkerTestTasks.Attempt::retries).containsExactly(0, 1, 2);
			Duration firstGap = Duration.between(attempts.get(0).at(), attempts.get(1).at());
			Duration secondGap = Duration.between(attempts.get(1).at(), attempts.get(2).at());
			assertThat(firstGap).isBetween(Duration.ofMillis(190), Duration.ofMillis(1500));
			assertThat(secondGap).isBetween(Duration.ofMillis(390), Duration.ofMillis(2000));
			assertThat(events(context, TaskEvent.TaskRetried.class)).hasSize(2);
		});
	}

	@Test
	void exceedingMaxRetriesFailsWithTheTasksOwnExceptionAndSaysSoInTheMeta() {
		this.contextRunner.run((context) -> {
			AsyncResult<Object> result = context.getBean(TaskTemplate.class).send("test.hopeless");
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.satisfies((ex) -> {
					assertThat(ex.getRemoteType()).isEqualTo(IllegalStateException.class.getName());
					assertThat(ex.getRemoteError().message()).contains("still broken");
				});
			assertThat(result.info()).containsEntry("max_retries_exceeded", 2).containsEntry("retries", 2);
			assertThat(attempts(context, "test.hopeless")).hasSize(3);
		});
	}

	@Test
	void manualRetryWaitsForItsCountdown() {
		this.contextRunner.run((context) -> {
			AsyncResult<Object> result = context.getBean(TaskTemplate.class).send("test.manualRetry");
			assertThat(result.get(WAIT)).isEqualTo("done");
			List<WorkerTestTasks.Attempt> attempts = attempts(context, "test.manualRetry");
			assertThat(attempts).hasSize(2);
			assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
				.isGreaterThanOrEqualTo(Duration.ofMillis(290));
		});
	}

	@Test
	void customStateAndProgressAreReadableByIdWhileTheTaskRuns() {
		this.contextRunner.run((context) -> {
			WorkerTestTasks testTasks = context.getBean(WorkerTestTasks.class);
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			testTasks.closeGate();
			String id = tasks.send("test.progress").id();
			AsyncResult<Object> byId = tasks.result(id);
			await().atMost(WAIT).until(() -> byId.state().equals(TaskState.of("PROCESSING")));
			assertThat(byId.info()).containsEntry("step", 1).containsEntry("total", 2);
			assertThat(byId.ready()).isFalse();
			testTasks.openGate();
			assertThat(byId.get(WAIT)).isEqualTo("finished");
			assertThat(byId.successful()).isTrue();
		});
	}

	@Test
	void failureCrossesBackWithRemoteTypeMessageAndStack() {
		this.contextRunner.run((context) -> {
			AsyncResult<Object> result = context.getBean(TaskTemplate.class).send("test.explode", 42);
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.satisfies((ex) -> {
					assertThat(ex.getTaskId()).isEqualTo(result.id());
					assertThat(ex.getRemoteType()).isEqualTo(IllegalArgumentException.class.getName());
					assertThat(ex.getRemoteError().message()).isEqualTo("bad order 42");
					assertThat(ex.getRemoteError().stackTrace()).anyMatch((frame) -> frame.contains("explode"));
				});
			assertThat(result.failed()).isTrue();
			assertThat(result.info()).containsEntry("exc_type", IllegalArgumentException.class.getName());
			assertThat(result.toCompletableFuture()).failsWithin(WAIT)
				.withThrowableThat()
				.withCauseInstanceOf(TaskExecutionException.class);
		});
	}

	@Test
	void blockingGetInsideATaskIsRefusedWithAdviceToChain() {
		this.contextRunner.run((context) -> {
			AsyncResult<Object> result = context.getBean(TaskTemplate.class).send("test.waitInside");
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.satisfies((ex) -> {
					assertThat(ex.getRemoteType()).isEqualTo(BlockingGetInTaskException.class.getName());
					assertThat(ex.getRemoteError().message()).contains("chain or chord");
				});
		});
	}

	@Test
	void globalInterceptorsRunAroundEveryTaskAndSelectedOnesOnlyAroundTheirTasks() {
		this.contextRunner.run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			tasks.send("test.echo", "hi").get(WAIT);
			tasks.send("test.audited", "yes").get(WAIT);
			AsyncResult<Object> failed = tasks.send("test.audited", "fail");
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> failed.get(WAIT));
			WorkerTestTasks.RecordingInterceptor global = context.getBean("globalInterceptor",
					WorkerTestTasks.RecordingInterceptor.class);
			WorkerTestTasks.RecordingInterceptor audit = context.getBean("auditInterceptor",
					WorkerTestTasks.RecordingInterceptor.class);
			assertThat(global.calls()).contains("before test.echo", "after test.echo hi", "before test.audited",
					"after test.audited yes", "failure test.audited audited failure");
			assertThat(audit.calls()).containsExactly("before test.audited", "after test.audited yes",
					"before test.audited", "failure test.audited audited failure");
		});
	}

	@Test
	void callerGivenTaskIdMakesARepeatedSendANoOp() {
		this.contextRunner.run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			WorkerTestTasks testTasks = context.getBean(WorkerTestTasks.class);
			testTasks.closeGate();
			String id = "order-" + UUID.randomUUID();
			AsyncResult<Object> first = tasks.send(Signature.of("test.gated", 1).taskId(id));
			await().atMost(WAIT).until(() -> attempts(context, "test.gated").size() == 1);
			AsyncResult<Object> second = tasks.send(Signature.of("test.gated", 2).taskId(id));
			testTasks.openGate();
			assertThat(second.id()).isEqualTo(first.id());
			assertThat(second.get(WAIT)).isEqualTo(1);
			assertThat(attempts(context, "test.gated")).hasSize(1);
			assertThat(events(context, TaskEvent.TaskPublished.class)).hasSize(1);
		});
	}

	@Test
	void tasksRunOnVirtualThreadsWhenEnabledAndTheJvmHasThem() {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			Object threadKind = context.getBean(TaskTemplate.class).send("test.threadKind").get(WAIT);
			boolean jvmHasThem = Runtime.version().feature() >= 21;
			assertThat(threadKind).isEqualTo(jvmHasThem ? "VirtualThread" : "Thread");
		});
	}

	private static String reasonOf(List<DeadLetter> deadLetters, String id) {
		return deadLetters.stream().filter((dead) -> dead.id().equals(id)).findFirst().orElseThrow().reason();
	}

	private static List<WorkerTestTasks.Attempt> attempts(
			org.springframework.context.ApplicationContext context, String task) {
		return context.getBean(WorkerTestTasks.class).attempts(task);
	}

	private static Instant startOf(org.springframework.context.ApplicationContext context, Object argument) {
		return context.getBean(WorkerTestTasks.class)
			.attempts()
			.stream()
			.filter((attempt) -> argument.equals(attempt.argument()))
			.findFirst()
			.orElseThrow()
			.at();
	}

	private static <E extends TaskEvent> List<E> events(org.springframework.context.ApplicationContext context,
			Class<E> type) {
		return context.getBean(WorkerTestTasks.EventRecorder.class).events(type);
	}

}
