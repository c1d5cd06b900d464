package dev.celerity.api;

/**
 * Hooks around every run of a task, for example to open and close a session. Interceptor beans apply to all tasks
 * for which {@link #appliesTo(String)} is {@code true}, and also to tasks that name them in
 * {@link Task#interceptors()}.
 */
public interface TaskInterceptor {

	/**
	 * Tells whether this interceptor wraps every run of the given task without being named by it.
	 * @param taskName the task's name
	 * @return {@code true} (the default) to apply globally
	 */
	default boolean appliesTo(String taskName) {
		return true;
	}

	/**
	 * Called before the task method runs.
	 * @param invocation the run
	 */
	default void beforeRun(TaskInvocation invocation) {
	}

	/**
	 * Called after the task method returned.
	 * @param invocation the run
	 * @param result the returned value, may be {@code null}
	 */
	default void afterReturn(TaskInvocation invocation, Object result) {
	}

	/**
	 * Called after the task method threw.
	 * @param invocation the run
	 * @param failure what it threw
	 */
	default void onFailure(TaskInvocation invocation, Throwable failure) {
	}

}
