package dev.celerity.message;

/**
 * A task message whose encoded size is over the configured limit ({@code celerity.message.max-size}); nothing was
 * sent.
 */
public class MessageTooLargeException extends IllegalArgumentException {

	private final int size;

	private final int limit;

	/**
	 * Creates an exception for one message.
	 * @param taskId the message's task id
	 * @param taskName the message's task name
	 * @param size the encoded size, in bytes
	 * @param limit the limit, in bytes
	 */
	public MessageTooLargeException(String taskId, String taskName, int size, int limit) {
		super("Message of task " + taskName + " [" + taskId + "] is " + size + " bytes, over the limit of " + limit
				+ " bytes (celerity.message.max-size); nothing was sent");
		this.size = size;
		this.limit = limit;
	}

	/** @return the encoded size, in bytes */
	public int getSize() {
		return this.size;
	}

	/** @return the limit, in bytes */
	public int getLimit() {
		return this.limit;
	}

}
