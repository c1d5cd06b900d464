package dev.celerity.publish;

import dev.celerity.api.TaskContext;
import dev.celerity.api.TaskContextHolder;
import dev.celerity.message.TaskMessage;

/**
 * Where published tasks come from: the workflow's root task and the task that publishes them. Worked out here and
 * nowhere else.
 *
 * @param rootId the id of the workflow's first task, {@code null} to make each published task its own root
 * @param parentId the id of the task that publishes, or {@code null}
 */
public record Lineage(String rootId, String parentId) {

	/** The header of a running task that holds its workflow's root id. */
	private static final String ROOT_ID = "root_id";

	/**
	 * Returns the lineage of tasks the caller publishes: a running task's root and id when called from inside one,
	 * else a new workflow rooted at its first task.
	 * @param firstTaskId the id of the first task published, the root outside a task; {@code null} to make each
	 * published task its own root
	 * @return the lineage
	 */
	public static Lineage ofCaller(String firstTaskId) {
		TaskContext current = TaskContextHolder.current().orElse(null);
		if (current == null) {
			return new Lineage(firstTaskId, null);
		}
		return new Lineage(String.valueOf(current.headers().getOrDefault(ROOT_ID, current.id())), current.id());
	}

	/**
	 * Returns the lineage of tasks that continue a workflow after a task: its root, with the task as parent.
	 * @param message the finished task's message
	 * @return the lineage
	 */
	public static Lineage after(TaskMessage message) {
		String root = (message.headers().rootId() != null) ? message.headers().rootId() : message.id();
		return new Lineage(root, message.id());
	}

	/**
	 * Returns the root id of a published task.
	 * @param taskId the task's id
	 * @return the workflow's root, or the task itself when this lineage names none
	 */
	String rootOf(String taskId) {
		return (this.rootId != null) ? this.rootId : taskId;
	}

}
