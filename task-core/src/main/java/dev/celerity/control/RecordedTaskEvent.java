package dev.celerity.control;

import java.util.Map;

/**
 * A task event as kept in the cluster's event history, in the flat form of
 * {@link dev.celerity.events.TaskEventFields}.
 *
 * @param cursor the position of the entry that holds it; events appended together share one
 * @param instance the id of the instance that saw it, {@code null} when the writer did not say
 * @param fields the event's fields ({@code type}, {@code at}, {@code task_id}, ...)
 */
public record RecordedTaskEvent(String cursor, String instance, Map<String, Object> fields) {

	public RecordedTaskEvent {
		fields = Map.copyOf(fields);
	}

	/**
	 * Returns the event type's simple name, such as {@code TaskSucceeded}.
	 * @return the type
	 */
	public String type() {
		return text("type");
	}

	/**
	 * Returns when the event happened.
	 * @return epoch milliseconds, 0 when unknown
	 */
	public long at() {
		return (this.fields.get("at") instanceof Number at) ? at.longValue() : 0;
	}

	/**
	 * Returns the task id.
	 * @return the id, {@code null} when unknown
	 */
	public String taskId() {
		return text("task_id");
	}

	/**
	 * Returns the task name.
	 * @return the name, {@code null} when unknown
	 */
	public String task() {
		return text("task");
	}

	/**
	 * Returns the queue.
	 * @return the queue, {@code null} when unknown
	 */
	public String queue() {
		return text("queue");
	}

	/**
	 * Returns one field as text.
	 * @param name the field's name
	 * @return its value as text, {@code null} when absent
	 */
	public String text(String name) {
		Object value = this.fields.get(name);
		return (value != null) ? value.toString() : null;
	}

}
