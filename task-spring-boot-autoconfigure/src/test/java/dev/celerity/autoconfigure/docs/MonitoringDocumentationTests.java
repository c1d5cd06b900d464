package dev.celerity.autoconfigure.docs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Task;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskTemplate;
import dev.celerity.api.TimeLimit;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.control.ClusterControl;
import dev.celerity.control.ControlOutcome;
import dev.celerity.events.TaskEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Runs the snippets of README ("Monitoring"), which are copied from the nested classes below.
 */
class MonitoringDocumentationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class,
				CelerityControlAutoConfiguration.class))
		.withBean(TaskAlerts.class)
		.withBean(ReportTasks.class)
		.withBean(Operations.class)
		.withPropertyValues("celerity.worker.concurrency=1", "celerity.worker.fetch-wait=100ms");

	@Test
	void snippetsWorkAsDocumented() {
		this.contextRunner.run((context) -> {
			AsyncResult<Object> report = context.getBean(TaskTemplate.class).send("reports.monthly", 7);
			assertThatExceptionOfType(TaskExecutionException.class)
				.isThrownBy(() -> report.get(Duration.ofSeconds(5)))
				.withMessageContaining("soft time limit");
			await().untilAsserted(() -> assertThat(context.getBean(TaskAlerts.class).failures).contains(report.id()));
			ControlOutcome outcome = context.getBean(Operations.class).stop("some-task-id");
			assertThat(outcome.appliedBy()).hasSize(1);
		});
	}

	// tag::listener[]
	public static class TaskAlerts {

		final List<String> failures = new CopyOnWriteArrayList<>();

		@EventListener
		public void onFailure(TaskEvent.TaskFailed event) {
			// event.taskId(), event.taskName(), event.queue(), event.error(), event.runtime()
			this.failures.add(event.taskId());
		}

	}
	// end::listener[]

	// tag::time-limit[]
	public static class ReportTasks {

		@Task(name = "reports.monthly")
		@TimeLimit(soft = "300ms", hard = "5s")
		public String monthly(int month) throws InterruptedException {
			try {
				Thread.sleep(60_000); // long work
				return "report " + month;
			}
			catch (InterruptedException ex) {
				// soft limit reached: clean up, then give up
				throw ex;
			}
		}

	}
	// end::time-limit[]

	// tag::control[]
	public static class Operations {

		private final ClusterControl control;

		public Operations(ClusterControl control) {
			this.control = control;
		}

		public ControlOutcome stop(String taskId) {
			return this.control.revoke(taskId, true); // terminate if it runs somewhere
		}

	}
	// end::control[]

}
