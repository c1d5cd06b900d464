package dev.celerity.api;

import java.util.Optional;

/**
 * Holds the {@link TaskContext} of the task running on the current thread, as Spring's holders do for requests
 * and transactions.
 */
public final class TaskContextHolder {

	private static final ThreadLocal<TaskContext> CURRENT = new ThreadLocal<>();

	private TaskContextHolder() {
	}

	/**
	 * Returns the context of the task running on this thread.
	 * @return the context, empty outside a task
	 */
	public static Optional<TaskContext> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/**
	 * Binds a context to this thread for the length of a task run; the worker calls this.
	 * @param context the running task's context, or {@code null} to clear
	 */
	public static void set(TaskContext context) {
		if (context == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(context);
		}
	}

}
