package dev.celerity.api;

import java.time.Duration;

/**
 * Thrown by a send when the broker could not store the message within the publish timeout
 * ({@code celerity.publish.timeout}), for instance while Redis is down: the task was not sent, and sending it again
 * later is safe (a message whose id is already pending is not stored twice).
 */
public class TaskPublishException extends CelerityException {

	private final String taskName;

	private final String queue;

	/**
	 * Creates an exception.
	 * @param taskName the task that was not sent
	 * @param queue the queue it was sent to
	 * @param waited how long the publish tried
	 * @param cause the last failure of the broker
	 */
	public TaskPublishException(String taskName, String queue, Duration waited, Throwable cause) {
		super("Could not publish task " + taskName + " to queue '" + queue + "' within " + waited.toMillis()
				+ "ms (celerity.publish.timeout): " + cause.getMessage(), cause);
		this.taskName = taskName;
		this.queue = queue;
	}

	/**
	 * Returns the name of the task that was not sent.
	 * @return the task name
	 */
	public String getTaskName() {
		return this.taskName;
	}

	/**
	 * Returns the queue the task was sent to.
	 * @return the queue
	 */
	public String getQueue() {
		return this.queue;
	}

}
