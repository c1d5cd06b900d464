package dev.celerity.api;

/**
 * Thrown to a caller waiting for a task that was revoked or expired and will never run.
 */
public class TaskRevokedException extends CelerityException {

	/**
	 * Creates an exception.
	 * @param taskId the revoked task
	 * @param reason why it was revoked
	 */
	public TaskRevokedException(String taskId, String reason) {
		super("Task " + taskId + " was revoked: " + reason);
	}

}
