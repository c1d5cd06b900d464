package dev.celerity.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The pending or finished result of a sent task, readable from any application instance by the task's id.
 *
 * @param <R> the task's result type
 */
public interface AsyncResult<R> {

	/**
	 * Returns the task's id.
	 * @return the id
	 */
	String id();

	/**
	 * Returns the task's current state, {@link TaskState#PENDING} when the backend knows nothing of it yet.
	 * @return the state
	 */
	TaskState state();

	/**
	 * Returns the meta data of the current state: progress of a custom state, or the error of a failure.
	 * @return the meta data, empty when there is none
	 */
	Map<String, Object> info();

	/**
	 * Waits for the task to finish and returns its result.
	 * @return the result
	 * @throws TaskExecutionException if the task failed
	 * @throws TaskRevokedException if the task was revoked or expired
	 * @throws BlockingGetInTaskException if called from inside a running task
	 */
	R get();

	/**
	 * Waits at most {@code timeout} for the task to finish and returns its result.
	 * @param timeout the longest wait
	 * @return the result
	 * @throws ResultTimeoutException if the task did not finish in time
	 * @throws TaskExecutionException if the task failed
	 * @throws TaskRevokedException if the task was revoked or expired
	 * @throws BlockingGetInTaskException if called from inside a running task
	 */
	R get(Duration timeout);

	/**
	 * Tells whether the task has finished (succeeded, failed or was revoked).
	 * @return whether the state is final
	 */
	default boolean ready() {
		return state().isReady();
	}

	/**
	 * Tells whether the task has succeeded.
	 * @return whether the state is {@code SUCCESS}
	 */
	default boolean successful() {
		return TaskState.SUCCESS.equals(state());
	}

	/**
	 * Tells whether the task has failed.
	 * @return whether the state is {@code FAILURE}
	 */
	default boolean failed() {
		return TaskState.FAILURE.equals(state());
	}

	/**
	 * Returns the result of the step before this one when this result came from sending a chain, so that a caller
	 * can walk back through every earlier step.
	 * @return the previous step's result, or {@code null} for the first step or a single task
	 */
	default AsyncResult<?> parent() {
		return null;
	}

	/**
	 * Removes the stored result from the backend.
	 */
	void forget();

	/**
	 * Revokes the task on every instance: if it has not started it never runs and is stored {@code REVOKED}; with
	 * {@code terminate} an attempt running now is interrupted and its outcome discarded.
	 * @param terminate whether to interrupt the task if it runs now
	 */
	void revoke(boolean terminate);

	/**
	 * Revokes the task without interrupting it if it already runs.
	 */
	default void revoke() {
		revoke(false);
	}

	/**
	 * Returns a future completed with the result (or the failure) when the task finishes; it never blocks a thread.
	 * @return the future
	 */
	CompletableFuture<R> toCompletableFuture();

}
