package dev.celerity.autoconfigure.semantics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.Task;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.canvas.CanvasAutoConfiguration;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.ratelimit.CelerityRateLimitAutoConfiguration;
import dev.celerity.autoconfigure.routing.CelerityRoutingAutoConfiguration;
import dev.celerity.registry.InvalidTaskDefinitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
