package dev.celerity.autoconfigure.semantics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.Task;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskRevokedException;
import dev.celerity.api.TaskState;
import dev.celerity.api.TimeLimit;
import dev.celerity.api.TimeLimitExceededException;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.canvas.CanvasAutoConfiguration;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.ratelimit.CelerityRateLimitAutoConfiguration;
import dev.celerity.autoconfigure.routing.CelerityRoutingAutoConfiguration;
import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.canvas.GroupResult;
import dev.celerity.canvas.Chain;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.client.DefaultTaskTemplate;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageTooLargeException;
import dev.celerity.registry.InvalidTaskDefinitionException;
import dev.celerity.worker.InvalidTimeLimitException;

import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Call semantics that must hold on every broker (issue 11): partial application, countdown and ETA, retries that
 * run out, results that are never stored, time limits, decimal rate limits, revoke from a result handle and what a
 * task sees of its delivery. Subclasses supply the application (embedded broker, Redis).
 */
public abstract class AbstractTaskSemanticsIntegrationTests {

	protected static final Duration WAIT = Duration.ofSeconds(15);

	/**
	 * Returns the application the tests run: the auto-configuration, the broker under test and
	 * {@link SemanticsTestTasks}.
	 * @return the runner
	 */
	protected abstract ApplicationContextRunner runner();

	/**
	 * Returns the auto-configurations of a Celerity application, with these ones first (the broker's).
	 * @param first auto-configurations the broker under test needs
	 * @return the auto-configurations
	 */
	protected static AutoConfigurations celerity(Class<?>... first) {
		List<Class<?>> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(CelerityAutoConfiguration.class, CanvasAutoConfiguration.class,
				CelerityRateLimitAutoConfiguration.class, CelerityRoutingAutoConfiguration.class,
				CelerityControlAutoConfiguration.class));
		return AutoConfigurations.of(all.toArray(Class<?>[]::new));
	}

	/**
	 * Runs a test inside the started application.
	 * @param test the test
	 */
	protected void run(SemanticsTest test) {
		runner().run((context) -> {
			if (context.getStartupFailure() != null) {
				throw new AssertionError("Application failed to start", context.getStartupFailure());
			}
			test.run(context, context.getBean(TaskTemplate.class), context.getBean(SemanticsTestTasks.class));
		});
	}

	@Test
	void immutableSignatureKeepsItsOwnKeywordArgumentsWhenACallerMergesMoreInWhileOptionsStillApply() {
		run((context, tasks, recorder) -> {
			Signature<Object> own = Signature.of("semantics.greet", "hello").kwarg("name", "own").immutable();
			AsyncResult<Object> result = tasks.send(own.clone(List.of("ignored"), Map.of("name", "caller"))
				.taskId("immutable-" + System.nanoTime()));
			assertThat(result.get(WAIT)).isEqualTo("hello own");
			assertThat(result.id()).startsWith("immutable-");
		});
	}

	@Test
	void countdownWinsOverAnEta() {
		run((context, tasks, recorder) -> {
			Instant sent = Instant.now();
			AsyncResult<Object> result = tasks.send(Signature.of("semantics.stamp", "countdown-first")
				.eta(sent.plus(Duration.ofHours(1)))
				.countdown(Duration.ofMillis(300)));
			assertThat(result.get(WAIT)).isEqualTo("countdown-first");
			assertThat(recorder.startOf("countdown-first")).isAfterOrEqualTo(sent.plusMillis(300));
		});
	}

	@Test
	void negativeCountdownMeansNowEvenWithAnEtaInTheFuture() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> result = tasks.send(Signature.of("semantics.stamp", "negative")
				.eta(Instant.now().plus(Duration.ofHours(1)))
				.countdown(Duration.ofSeconds(-5)));
			assertThat(result.get(WAIT)).isEqualTo("negative");
		});
	}

	@Test
	void autoretriedTaskWhoseRetriesRunOutFailsWithTheExceptionItRaised() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> result = tasks.send("semantics.autoretry", "auto");
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.satisfies((ex) -> {
					assertThat(ex.getRemoteType()).isEqualTo(IllegalStateException.class.getName());
					assertThat(ex.getRemoteError().type()).isEqualTo(IllegalStateException.class.getName());
					assertThat(ex.getRemoteError().message()).isEqualTo("still broken: auto");
				});
			assertThat(result.info()).containsEntry("max_retries_exceeded", 1)
				.containsEntry("exc_type", IllegalStateException.class.getName());
		});
	}

	@Test
	void manualRetryWhoseRetriesRunOutFailsWithTheCauseGivenToRetry() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> result = tasks.send(Signature.of("semantics.manualRetry"));
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.satisfies((ex) -> assertThat(ex.getRemoteType())
					.isEqualTo(UnsupportedOperationException.class.getName()));
			assertThat(result.info()).containsEntry("max_retries_exceeded", 1);
		});
	}

	@Test
	void getOnATaskThatIgnoresItsResultReturnsNullAtOnce() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> result = tasks.send("semantics.quiet", "quiet-1");
			assertThat(CompletableFuture.supplyAsync(result::get)).succeedsWithin(Duration.ofSeconds(2)).isNull();
			assertThat(result.get(WAIT)).isNull();
			assertThat(result.toCompletableFuture()).succeedsWithin(Duration.ofSeconds(2)).isNull();
			await().atMost(WAIT).until(() -> recorder.startOf("quiet-1") != null);
		});
	}

	@Test
	void ignoreResultCallOptionStoresNothingAndGetReturnsNullAtOnce() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> result = tasks.send(Signature.of("semantics.stamp", "quiet-2").ignoreResult());
			assertThat(CompletableFuture.supplyAsync(result::get)).succeedsWithin(Duration.ofSeconds(2)).isNull();
			await().atMost(WAIT).until(() -> recorder.startOf("quiet-2") != null);
			await().during(Duration.ofMillis(500)).atMost(WAIT)
				.until(() -> tasks.result(result.id()).state().equals(TaskState.PENDING));
		});
	}

	@Test
	void forgetOnAChainsHandleForgetsItsParentsResultsToo() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> result = context.getBean(WorkflowTemplate.class)
				.send(chain(Signature.of("semantics.stamp", "first"), Signature.of("semantics.greet", "second")));
			assertThat(result.get(WAIT)).isEqualTo("first second");
			assertThat(result.parent().state()).isEqualTo(TaskState.SUCCESS);
			result.forget();
			assertThat(tasks.result(result.id()).state()).isEqualTo(TaskState.PENDING);
			assertThat(tasks.result(result.parent().id()).state()).isEqualTo(TaskState.PENDING);
		});
	}

	@Test
	void callTimeHardLimitBeatsTheAnnotationAndFailsTheAttempt() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> result = tasks
				.send(Signature.of("semantics.sleep", "limited", 60_000L).timeLimits(null, Duration.ofMillis(300)));
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT))
				.satisfies((ex) -> {
					assertThat(ex.getRemoteType()).isEqualTo(TimeLimitExceededException.class.getName());
					assertThat(ex.getRemoteError().message()).contains("hard time limit of PT0.3S");
				});
		});
	}

	@Test
	void callOptionsOfAWorkflowStepTravelWithItLikeThoseOfASingleCall() {
		run((context, tasks, recorder) -> {
			WorkflowTemplate workflows = context.getBean(WorkflowTemplate.class);
			AsyncResult<Object> limited = workflows.send(chain(Signature.of("semantics.stamp", "first"),
					Signature.of("semantics.sleep", 60_000L).timeLimits(null, Duration.ofMillis(300))));
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> limited.get(WAIT))
				.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(TimeLimitExceededException.class.getName()));
			AsyncResult<Object> ignored = workflows.send(Signature.of("semantics.stamp", "ignored-alone").ignoreResult());
			assertThat(ignored.get(Duration.ofMillis(50))).isNull();
			ResultBackend backend = context.getBean(ResultBackend.class);
			GroupResult<Object> members = workflows.send(group(
					Signature.of("semantics.stamp", "quiet-step").ignoreResult(), Signature.of("semantics.stamp", "kept-step")));
			assertThat(members.results().get(1).get(WAIT)).isEqualTo("kept-step");
			await().atMost(WAIT).until(() -> recorder.startOf("quiet-step") != null);
			String quietId = members.results().get(0).id();
			await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> backend.find(quietId).isEmpty());
		});
	}

	@Test
	void messagesOverTheSizeLimitAreRefusedAtPublishDeadLetteredOnReceiptAndFailTheirWorkflow() {
		runner().withPropertyValues("celerity.message.max-size=16KB").run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			String big = "x".repeat(20_000);
			assertThatExceptionOfType(MessageTooLargeException.class)
				.isThrownBy(() -> tasks.send(Signature.of("semantics.stamp", big)))
				.withMessageContaining("celerity.message.max-size");
			// a message some other producer stored anyway is dead-lettered unread, with the reason
			Broker broker = context.getBean(Broker.class);
			byte[] body = new MessageCodec().encode(context.getBean(DefaultTaskTemplate.class)
				.toMessage(Signature.of("semantics.stamp", big).taskId("too-big-" + System.nanoTime())));
			broker.publish(new OutboundMessage("too-big", "default", 0, null, body));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(broker.deadLetters("default", 10)).anySatisfy(
						(letter) -> assertThat(letter.reason()).contains("over the limit of 16384 bytes")));
			// a step whose result makes the next step too large fails the rest of its workflow
			AsyncResult<Object> chained = context.getBean(WorkflowTemplate.class)
				.send(chain(Signature.of("semantics.repeat", 20_000), Signature.of("semantics.stamp")));
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> chained.get(WAIT))
				.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(MessageTooLargeException.class.getName()));
			// and so does one whose rest is kept in the chain store: every remaining step fails
			Chain<Object> longChain = chain(Signature.of("semantics.repeat", 20_000), Signature.of("semantics.stamp"));
			for (int i = 0; i < 12; i++) {
				longChain = longChain.then(Signature.of("semantics.stamp"));
			}
			AsyncResult<Object> last = context.getBean(WorkflowTemplate.class).send(longChain);
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> last.get(WAIT))
				.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo(MessageTooLargeException.class.getName()));
			for (AsyncResult<?> step = last; step.parent() != null; step = step.parent()) {
				assertThat(step.state()).isEqualTo(TaskState.FAILURE);
			}
		});
	}

	@Test
	void callTimeSoftLimitLargerThanTheHardLimitIsRefusedAtPublishNamingBoth() {
		run((context, tasks, recorder) -> assertThatIllegalArgumentException()
			.isThrownBy(() -> tasks.send(Signature.of("semantics.stamp", "never")
				.timeLimits(Duration.ofSeconds(2), Duration.ofSeconds(1))))
			.withMessageContaining("PT2S")
			.withMessageContaining("PT1S"));
	}

	@Test
	void annotatedSoftLimitLargerThanTheHardLimitFailsStartUpNamingBeanAndMethod() {
		runner().withBean("slowReports", BadTimeLimits.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidTimeLimitException.class)
				.hasMessageContaining("bean 'slowReports' method 'monthly'")
				.hasMessageContaining("soft limit PT2S must not be larger than the hard limit PT1S");
		});
	}

	@Test
	void revokeFromAResultHandleKeepsAPendingTaskFromRunning() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> result = tasks
				.send(Signature.of("semantics.stamp", "revoked-pending").countdown(Duration.ofMillis(500)));
			result.revoke();
			assertThatExceptionOfType(TaskRevokedException.class).isThrownBy(() -> result.get(WAIT));
			AsyncResult<Object> marker = tasks
				.send(Signature.of("semantics.stamp", "after-revoke").countdown(Duration.ofMillis(600)));
			assertThat(marker.get(WAIT)).isEqualTo("after-revoke");
			assertThat(recorder.startOf("revoked-pending")).isNull();
		});
	}

	@Test
	void revokeWithTerminateFromAResultHandleInterruptsTheRunningTask() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> result = tasks.send("semantics.sleep", "revoked-running", 60_000L);
			await().atMost(WAIT).until(() -> recorder.startOf("revoked-running") != null);
			result.revoke(true);
			assertThatExceptionOfType(TaskRevokedException.class).isThrownBy(() -> result.get(WAIT));
			assertThat(result.state()).isEqualTo(TaskState.REVOKED);
		});
	}

	@Test
	void revokeOnAGroupResultRevokesEveryMember() {
		run((context, tasks, recorder) -> {
			// the members are revoked one after the other, each broadcast waiting for the instances' replies: the
			// countdown leaves room for that on a loaded machine (the members' states are REVOKED at once anyway)
			GroupResult<Object> result = context.getBean(WorkflowTemplate.class)
				.send(group(Signature.of("semantics.stamp", "member-1").countdown(Duration.ofSeconds(3)),
						Signature.of("semantics.stamp", "member-2").countdown(Duration.ofSeconds(3))));
			result.revoke(false);
			assertThat(result.results()).allSatisfy((member) -> assertThatExceptionOfType(TaskRevokedException.class)
				.isThrownBy(() -> member.get(WAIT)));
			assertThat(result.state()).isEqualTo(TaskState.REVOKED);
		});
	}

	@Test
	void taskContextExposesTheDeliverysQueueAndPriorityAndItsHeaders() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> result = tasks
				.send(Signature.of("semantics.context").priority(7).timeLimits(null, Duration.ofSeconds(20)));
			assertThat(result.get(WAIT)).isEqualTo(result.id());
			assertThat(recorder.contexts()).singleElement().satisfies((seen) -> {
				assertThat(seen).containsEntry("queue", "default").containsEntry("priority", 7);
				assertThat(headersOf(seen)).containsEntry("root_id", result.id())
					.containsEntry("retries", 0)
					.containsEntry("timelimit", Arrays.asList(20.0, null))
					.containsKey("sent_at");
			});
		});
	}

	/** A task whose annotated soft limit is larger than its hard one. */
	static class BadTimeLimits {

		@Task(name = "semantics.badTimeLimits")
		@TimeLimit(soft = "2s", hard = "1s")
		public void monthly() {
		}

	}

	@Test
	void decimalRateLimitStartsOneTaskPerTwoSecondsForHalfPerSecond() {
		run((context, tasks, recorder) -> {
			AsyncResult<Object> first = tasks.send("semantics.limited", "half-1");
			AsyncResult<Object> second = tasks.send("semantics.limited", "half-2");
			assertThat(first.get(WAIT)).isEqualTo("half-1");
			assertThat(second.get(WAIT)).isEqualTo("half-2");
			Instant earlier = min(recorder.startOf("half-1"), recorder.startOf("half-2"));
			Instant later = max(recorder.startOf("half-1"), recorder.startOf("half-2"));
			assertThat(Duration.between(earlier, later)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
		});
	}

	@Test
	void invalidDecimalRateLimitStillFailsStartUpNamingBeanAndMethod() {
		runner().withBean("badDecimal", BadDecimalRateLimit.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(InvalidTaskDefinitionException.class)
				.hasMessageContaining("'badDecimal'")
				.hasMessageContaining("'work'")
				.hasMessageContaining("rateLimit = \"1.5.0/s\"");
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> headersOf(Map<String, Object> seen) {
		return (Map<String, Object>) seen.get("headers");
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** A task whose decimal rate limit is malformed. */
	static class BadDecimalRateLimit {

		@Task(name = "semantics.badDecimal", rateLimit = "1.5.0/s")
		public void work() {
		}

	}

	/**
	 * A test body run inside the started application.
	 */
	@FunctionalInterface
	protected interface SemanticsTest {

		/**
		 * Runs the test.
		 * @param context the application
		 * @param tasks its task template
		 * @param recorder its test tasks
		 * @throws Exception anything the test throws
		 */
		void run(AssertableApplicationContext context, TaskTemplate tasks, SemanticsTestTasks recorder)
				throws Exception;

	}

}
