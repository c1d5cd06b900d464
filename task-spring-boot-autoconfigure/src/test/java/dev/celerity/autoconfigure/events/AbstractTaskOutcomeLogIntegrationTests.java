package dev.celerity.autoconfigure.events;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskTemplate;
import dev.celerity.broker.Broker;
import dev.celerity.events.TaskOutcomeLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What the {@code dev.celerity.tasks} logger writes for each outcome of a task run by a real worker (issue 16):
 * one WARN line per final failure, INFO per retry, WARN per dead letter, nothing above DEBUG for a success.
 * Subclasses supply the broker.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractTaskOutcomeLogIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	/**
	 * Returns the application: the auto-configuration, the broker under test and {@link OutcomeLogTestTasks}.
	 * @return the runner
	 */
	protected abstract ApplicationContextRunner runner();

	@Test
	void taskThatFailsAfterItsRetryLogsOneWarnLineWithNameIdAttemptAndExceptionAndItsRetryAtInfo(
			CapturedOutput output) {
		run((context) -> {
			AsyncResult<Object> result = context.getBean(TaskTemplate.class).send("outcomes.declined", "visa");
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> result.get(WAIT));
			String failure = "Task outcomes.declined [" + result.id() + "] failed on attempt 2";
			await().atMost(WAIT).until(() -> output.getOut().contains(failure));
			assertThat(lines(output, result.id(), " WARN ")).singleElement()
				.satisfies((line) -> assertThat(line).contains(failure, "java.lang.IllegalStateException: card declined: visa"));
			assertThat(lines(output, result.id(), " INFO ")).singleElement()
				.satisfies((line) -> assertThat(line).contains(
						"Task outcomes.declined [" + result.id() + "] failed on attempt 1 and is retried at",
						"card declined: visa"));
		});
	}

	@Test
	void deadLetteredMessageLogsAWarnLineWithTheReason(CapturedOutput output) {
		run((context) -> {
			AsyncResult<Object> result = context.getBean(TaskTemplate.class).send("outcomes.unknown", 1);
			Broker broker = context.getBean(Broker.class);
			await().atMost(WAIT).until(() -> !broker.deadLetters("default", 10).isEmpty());
			String deadLetter = "Task outcomes.unknown [" + result.id() + "] dead-lettered from queue 'default': "
					+ "Unknown task 'outcomes.unknown'";
			await().atMost(WAIT).until(() -> lines(output, result.id(), " WARN ").stream()
				.anyMatch((line) -> line.contains(deadLetter)));
		});
	}

	@Test
	void succeededTaskLogsNoWarnLineAndNoOutcomeAtInfo(CapturedOutput output) {
		run((context) -> {
			AsyncResult<Object> result = context.getBean(TaskTemplate.class).send("outcomes.ok", "fine");
			assertThat(result.get(WAIT)).isEqualTo("fine");
			assertThat(anyLines(output, result.id(), " WARN ")).isEmpty();
			assertThat(lines(output, result.id(), " INFO ")).isEmpty();
		});
	}

	private void run(Consumer<AssertableApplicationContext> test) {
		runner().run((context) -> {
			if (context.getStartupFailure() != null) {
				throw new AssertionError("Application failed to start", context.getStartupFailure());
			}
			test.accept(context);
		});
	}

	/** Lines of the outcome logger about one task at one level. */
	private static List<String> lines(CapturedOutput output, String taskId, String level) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains(TaskOutcomeLog.LOGGER_NAME) && line.contains(taskId)
					&& line.contains(level))
			.toList();
	}

	/** Lines of any logger about one task at one level. */
	private static List<String> anyLines(CapturedOutput output, String taskId, String level) {
		return output.getOut().lines().filter((line) -> line.contains(taskId) && line.contains(level)).toList();
	}

}
