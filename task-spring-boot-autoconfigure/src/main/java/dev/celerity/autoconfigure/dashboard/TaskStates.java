package dev.celerity.autoconfigure.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The state a task is in after each event type, as the dashboard shows and filters it.
 */
final class TaskStates {

	/** The states offered by the tasks page's filter, in the order of a task's life. */
	static final List<String> ALL = List.of("PENDING", "RECEIVED", "STARTED", "DEFERRED", "RETRY", "SUCCESS",
			"FAILURE", "REVOKED", "REJECTED");

	private static final Map<String, String> BY_EVENT = Map.of("TaskPublished", "PENDING", "TaskReceived",
			"RECEIVED", "TaskStarted", "STARTED", "TaskDeferred", "DEFERRED", "TaskRetried", "RETRY", "TaskSucceeded",
			"SUCCESS", "TaskFailed", "FAILURE", "TaskRevoked", "REVOKED", "TaskRejected", "REJECTED");

	private TaskStates() {
	}

	/**
	 * Returns the state after an event.
	 * @param type the event type's simple name
	 * @return the state, the type itself when unknown
	 */
	static String after(String type) {
		return BY_EVENT.getOrDefault(type, type);
	}

	/**
	 * Returns whether the state is final.
	 * @param state the state
	 * @return whether nothing follows it
	 */
	static boolean isFinal(String state) {
		return "SUCCESS".equals(state) || "FAILURE".equals(state) || "REVOKED".equals(state)
				|| "REJECTED".equals(state);
	}

}
