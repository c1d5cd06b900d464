package dev.celerity.api;

/**
 * Recorded as a task's failure when it asked for a retry beyond its maximum without giving a cause. A task whose
 * retries run out on an exception (raised for {@code autoretryFor} or given to {@code retry}) fails with that
 * exception, as in Celery; its result's meta then holds {@code max_retries_exceeded}.
 */
public class MaxRetriesExceededException extends CelerityException {

	/**
	 * Creates an exception.
	 * @param taskName the task
	 * @param maxRetries its retry limit
	 * @param cause the failure of the last attempt, or {@code null}
	 */
	public MaxRetriesExceededException(String taskName, int maxRetries, Throwable cause) {
		super("Task " + taskName + " exceeded its maximum of " + maxRetries + " retries"
				+ ((cause != null) ? "; last failure: " + cause : ""), cause);
	}

}
