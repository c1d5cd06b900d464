package dev.celerity.autoconfigure.dashboard;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the tasks table shows: every criterion is optional, and a task must meet all given ones.
 *
 * @param state the latest state ({@code SUCCESS}, ...)
 * @param name part of the task name
 * @param queue the queue
 * @param worker part of the id of the instance that ran it
 * @param from the earliest time of its latest event (epoch milliseconds)
 * @param to the latest time of its latest event (epoch milliseconds)
 * @param search part of the task id or of its arguments
 */
record TaskFilter(@Nullable String state, @Nullable String name, @Nullable String queue, @Nullable String worker,
		@Nullable Long from, @Nullable Long to, @Nullable String search) {

	TaskFilter {
		state = blankToNull(state);
		name = blankToNull(name);
		queue = blankToNull(queue);
		worker = blankToNull(worker);
		search = blankToNull(search);
		if (state != null) {
			state = state.toUpperCase(Locale.ROOT);
			if (!TaskStates.ALL.contains(state)) {
				throw new IllegalArgumentException("Unknown state '" + state + "'; known: " + TaskStates.ALL);
			}
		}
		if (from != null && to != null && from > to) {
			throw new IllegalArgumentException("The time range ends before it starts");
		}
	}

	/** No criterion: every task. */
	static final TaskFilter NONE = new TaskFilter(null, null, null, null, null, null, null);

	boolean matches(TaskRow row) {
		return (this.state == null || this.state.equals(row.state())) && contains(row.name(), this.name)
				&& (this.queue == null || this.queue.equals(row.queue())) && contains(row.worker(), this.worker)
				&& (this.search == null || contains(row.id(), this.search) || contains(row.args(), this.search));
	}

	private static boolean contains(@Nullable String value, @Nullable String part) {
		return part == null || (value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
