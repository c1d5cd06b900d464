package dev.celerity.control;

import java.util.List;

/**
 * Some entries of the event history, read in one direction.
 *
 * @param events the events of the entries read, in reading order
 * @param last the cursor of the last entry read, to continue from; {@code null} when none was read
 * @param end whether the history holds no further entry in that direction (within the asked bounds)
 */
public record TaskEventPage(List<RecordedTaskEvent> events, String last, boolean end) {

	public TaskEventPage {
		events = List.copyOf(events);
	}

}
