package dev.celerity.autoconfigure.canvas;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.canvas.WorkflowTemplate;

/**
 * The workflow contract on the embedded broker, result backend and chord store.
 */
class InMemoryCanvasIntegrationTests extends AbstractCanvasIntegrationTests implements CanvasManualQueueContract {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class, CanvasAutoConfiguration.class))
		.withUserConfiguration(CanvasTasksConfiguration.class)
		.withPropertyValues("celerity.worker.concurrency=4");

	@Override
	public void run(CanvasTest test) {
		this.contextRunner.run((context) -> {
			assertThatNoStartupFailure(context.getStartupFailure());
			test.run(context, context.getBean(TaskTemplate.class), context.getBean(WorkflowTemplate.class));
		});
	}

	private static void assertThatNoStartupFailure(Throwable failure) {
		if (failure != null) {
			throw new AssertionError("Application failed to start", failure);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CanvasTasksConfiguration {

		@Bean
		CanvasTestTasks canvasTestTasks() {
			return new CanvasTestTasks();
		}

		@Bean
		PublishedEvents publishedEvents() {
			return new PublishedEvents();
		}

	}

}
