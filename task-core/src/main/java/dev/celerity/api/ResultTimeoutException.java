package dev.celerity.api;

import java.time.Duration;

/**
 * Thrown when a result is not ready within the time a caller was willing to wait.
 */
public class ResultTimeoutException extends CelerityException {

	/**
	 * Creates an exception.
	 * @param taskId the task waited for
	 * @param timeout how long the caller waited
	 */
	public ResultTimeoutException(String taskId, Duration timeout) {
		super("Result of task " + taskId + " was not ready within " + timeout);
	}

}
