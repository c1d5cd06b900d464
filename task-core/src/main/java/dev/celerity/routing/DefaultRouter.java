package dev.celerity.routing;

import java.util.List;
import java.util.Map;

import dev.celerity.api.TaskOptions;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;

/**
 * Routes each field by the first source that sets it: the call's options, then the task's {@code @Task} attributes,
 * then the application's defaults.
 */
public class DefaultRouter implements Router {

	private final TaskRegistry registry;

	private final String defaultQueue;

	private final int defaultPriority;

	/**
	 * Creates a router.
	 * @param registry the locally known tasks
	 * @param defaultQueue the queue of tasks nothing else routes
	 * @param defaultPriority the priority of tasks nothing else prioritises
	 */
	public DefaultRouter(TaskRegistry registry, String defaultQueue, int defaultPriority) {
		this.registry = registry;
		this.defaultQueue = defaultQueue;
		this.defaultPriority = defaultPriority;
	}

	@Override
	public Route route(String taskName, List<Object> args, Map<String, Object> kwargs, TaskOptions options) {
		TaskDefinition definition = this.registry.find(taskName).orElse(null);
		String queue = options.queue();
		String queueSource = "options";
		if (queue == null && definition != null && definition.queue() != null) {
			queue = definition.queue();
			queueSource = "task";
		}
		if (queue == null) {
			queue = this.defaultQueue;
			queueSource = "default";
		}
		Integer priority = options.priority();
		String prioritySource = "options";
		if (priority == null && definition != null && definition.priority() != null) {
			priority = definition.priority();
			prioritySource = "task";
		}
		if (priority == null) {
			priority = this.defaultPriority;
			prioritySource = "default";
		}
		return new Route(queue, priority, "queue:" + queueSource + ",priority:" + prioritySource);
	}

}
