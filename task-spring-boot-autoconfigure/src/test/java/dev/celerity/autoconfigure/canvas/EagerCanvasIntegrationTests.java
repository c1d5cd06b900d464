package dev.celerity.autoconfigure.canvas;


import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.canvas.WorkflowTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow contract in eager mode: every step runs on the caller's thread, on the embedded stores. The part
 * that leaves messages in an unconsumed queue ({@link CanvasManualQueueContract}) has no meaning here: eager mode runs
 * every message as it is stored.
 */
class EagerCanvasIntegrationTests extends AbstractCanvasIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class, CanvasAutoConfiguration.class))
		.withUserConfiguration(InMemoryCanvasIntegrationTests.CanvasTasksConfiguration.class)
		.withPropertyValues("celerity.eager=true");

	@Override
	public void run(CanvasTest test) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			test.run(context, context.getBean(TaskTemplate.class), context.getBean(WorkflowTemplate.class));
		});
	}

}
