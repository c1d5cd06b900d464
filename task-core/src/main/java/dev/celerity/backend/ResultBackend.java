package dev.celerity.backend;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stores task states and results by task id, readable from any application instance.
 */
public interface ResultBackend {

	/**
	 * Stores the current state of a task, replacing the previous one.
	 * @param result the state, result or error
	 * @param timeToLive how long to keep it
	 */
	void store(TaskResult result, Duration timeToLive);

	/**
	 * Stores the states of several tasks in one go, in order; the default stores them one by one. When it returns,
	 * every state is stored; when it throws, some may not be.
	 * @param results the states, results or errors
	 * @param timeToLive how long to keep them
	 */
	default void storeAll(List<TaskResult> results, Duration timeToLive) {
		results.forEach((result) -> store(result, timeToLive));
	}

	/**
	 * Looks a task's state up.
	 * @param taskId the task id
	 * @return the stored state, empty if none (pending, unknown or expired)
	 */
	Optional<TaskResult> find(String taskId);

	/**
	 * Returns a future completed when the task reaches a ready state; waiting is notified, never polled.
	 * @param taskId the task id
	 * @return the future of the final result
	 */
	CompletableFuture<TaskResult> whenReady(String taskId);

	/**
	 * Removes a stored result.
	 * @param taskId the task id
	 */
	void forget(String taskId);

}
