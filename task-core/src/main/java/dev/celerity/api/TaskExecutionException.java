package dev.celerity.api;

/**
 * Thrown to a caller when the task it waits for failed: carries the exception the worker recorded.
 */
public class TaskExecutionException extends CelerityException {

	private final String taskId;

	private final RemoteError remoteError;

	/**
	 * Creates an exception for a failed task.
	 * @param taskId the failed task's id
	 * @param remoteError the failure as the worker recorded it
	 */
	public TaskExecutionException(String taskId, RemoteError remoteError) {
		super("Task " + taskId + " failed with " + remoteError);
		this.taskId = taskId;
		this.remoteError = remoteError;
		setStackTrace(new StackTraceElement[0]);
	}

	/**
	 * Returns the failed task's id.
	 * @return the id
	 */
	public String getTaskId() {
		return this.taskId;
	}

	/**
	 * Returns the failure as the worker recorded it, with its type, message and stack.
	 * @return the remote error
	 */
	public RemoteError getRemoteError() {
		return this.remoteError;
	}

	/**
	 * Returns the class name of the exception the task raised.
	 * @return the remote exception type
	 */
	public String getRemoteType() {
		return this.remoteError.type();
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(super.toString());
		for (String frame : this.remoteError.stackTrace()) {
			text.append(System.lineSeparator()).append("\tremote ").append(frame);
		}
		return text.toString();
	}

}
