package dev.celerity.events;

/**
 * Receives task events; called on the thread where the event happened, so keep it quick.
 */
@FunctionalInterface
public interface TaskEventListener {

	/** A listener that ignores everything. */
	TaskEventListener NONE = (event) -> {
	};

	/**
	 * Handles one event.
	 * @param event the event
	 */
	void onEvent(TaskEvent event);

}
