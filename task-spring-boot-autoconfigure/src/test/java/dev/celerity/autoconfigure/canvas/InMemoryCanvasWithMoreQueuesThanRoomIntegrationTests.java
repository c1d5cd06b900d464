package dev.celerity.autoconfigure.canvas;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.canvas.WorkflowTemplate;

/**
 * The workflow contract on the embedded broker with a worker pool that consumes more queues than it has room for
 * (see {@link MoreQueuesThanRoom}): idle queues must not keep the room from the busy one.
 */
class InMemoryCanvasWithMoreQueuesThanRoomIntegrationTests extends AbstractCanvasIntegrationTests implements CanvasManualQueueContract {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class, CanvasAutoConfiguration.class))
		.withUserConfiguration(InMemoryCanvasIntegrationTests.CanvasTasksConfiguration.class)
		.withPropertyValues(MoreQueuesThanRoom.properties());

	@Override
	public void run(CanvasTest test) {
		this.contextRunner.run((context) -> {
			MoreQueuesThanRoom.assertStarted(context);
			test.run(context, context.getBean(TaskTemplate.class), context.getBean(WorkflowTemplate.class));
		});
	}

}
