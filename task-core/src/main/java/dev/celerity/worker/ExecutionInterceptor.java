package dev.celerity.worker;

import dev.celerity.message.TaskMessage;

/**
 * Wraps each attempt of a task on the worker (its run and the recording of its outcome), for example to observe it
 * as a child of the caller's trace.
 */
@FunctionalInterface
public interface ExecutionInterceptor {

	/** Runs the attempt as it is. */
	ExecutionInterceptor NONE = (message, queue, attempt) -> attempt.run();

	/**
	 * Runs an attempt.
	 * @param message the task's message, with the headers its caller sent
	 * @param queue the queue it came from
	 * @param attempt the attempt; it never throws
	 */
	void execute(TaskMessage message, String queue, Runnable attempt);

}
