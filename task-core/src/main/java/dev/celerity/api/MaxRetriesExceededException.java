package dev.celerity.api;

/**
 * Recorded as a task's failure when it asked for (or was given) a retry beyond its maximum.
 */
public class MaxRetriesExceededException extends CelerityException {

	/**
	 * Creates an exception.
	 * @param taskName the task
	 * @param maxRetries its retry limit
	 * @param cause the failure of the last attempt
	 */
	public MaxRetriesExceededException(String taskName, int maxRetries, Throwable cause) {
		super("Task " + taskName + " exceeded its maximum of " + maxRetries + " retries; last failure: " + cause,
				cause);
	}

}
