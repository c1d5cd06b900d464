package dev.celerity.api;

/**
 * Thrown when a running task blocks on another task's result, which can deadlock a worker pool.
 */
public class BlockingGetInTaskException extends CelerityException {

	/**
	 * Creates an exception.
	 * @param waitedTaskId the task whose result was asked for
	 */
	public BlockingGetInTaskException(String waitedTaskId) {
		super("Never call get() on a task result (" + waitedTaskId + ") from inside a running task: it blocks a "
				+ "worker thread and can deadlock the pool. Use a chain or chord so the next step receives the result, "
				+ "or use toCompletableFuture() with a non-blocking callback.");
	}

}
