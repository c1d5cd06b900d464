package dev.celerity.worker;

import dev.celerity.api.RemoteError;
import dev.celerity.message.TaskMessage;

/**
 * Continues a workflow after a task finished (next chain step, callbacks, chord counting), before the worker
 * acknowledges the task's message, so a crash in between repeats the step rather than losing it.
 */
public interface TaskOutcomeHandler {

	/** A handler for applications without workflows. */
	TaskOutcomeHandler NONE = new TaskOutcomeHandler() {

		@Override
		public boolean continuesAfter(TaskMessage message) {
			return false;
		}

	};

	/**
	 * Says whether a task's success may continue a workflow. When it does not, the worker may store the result and
	 * acknowledge the message together with those of other tasks, calling {@link #onSuccess} in between (possibly on
	 * another worker thread); when it may, the result is stored before {@link #onSuccess} runs on the task's thread.
	 * The default is {@code true}, the safe answer.
	 * @param message the task's message
	 * @return {@code false} if {@link #onSuccess} publishes nothing for this message
	 */
	default boolean continuesAfter(TaskMessage message) {
		return true;
	}

	/**
	 * Called after a task succeeded and its result was stored.
	 * @param message the task's message
	 * @param result the result as a JSON value
	 */
	default void onSuccess(TaskMessage message, Object result) {
	}

	/**
	 * Called after a task failed for good and its failure was stored.
	 * @param message the task's message
	 * @param error the failure
	 */
	default void onFailure(TaskMessage message, RemoteError error) {
	}

	/**
	 * Called after a task was revoked instead of run (it expired, or was revoked) and its state was stored.
	 * @param message the task's message
	 * @param reason why it did not run
	 */
	default void onRevoked(TaskMessage message, String reason) {
	}

}
