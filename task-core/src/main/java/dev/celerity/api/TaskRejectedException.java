package dev.celerity.api;

/**
 * The remote type of the failure stored for a workflow step that a worker dead-lettered instead of running (no
 * instance registers its task, or its arguments do not bind), so that the rest of its workflow fails rather than
 * waiting forever.
 */
public class TaskRejectedException extends CelerityException {

	/**
	 * Creates an exception.
	 * @param taskId the rejected task
	 * @param reason why it was dead-lettered
	 */
	public TaskRejectedException(String taskId, String reason) {
		super("Task " + taskId + " was dead-lettered: " + reason);
	}

}
