package dev.celerity.control.redis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventFields;

/**
 * The format of the event stream's entries: one entry holds the events a writer queued together, as a {@code count}
 * field and an {@code events} field with a JSON array of one object per event ({@code type}, {@code at} in epoch
 * milliseconds, {@code task_id}, {@code task}, {@code queue} and the type's own fields), and the {@code instance}
 * that saw them.
 */
final class EventStreamEntry {

	static final String COUNT = "count";

	static final String EVENTS = "events";

	static final String INSTANCE = "instance";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private EventStreamEntry() {
	}

	/**
	 * Returns the entry's fields for some events.
	 * @param events the events' fields, as made by {@link #event}
	 * @return the fields of one stream entry
	 */
	static Map<String, String> of(List<Map<String, Object>> events) {
		return of(events, null);
	}

	/**
	 * Returns the entry's fields for some events of one instance.
	 * @param events the events' fields, as made by {@link #event}
	 * @param instance the id of the instance that saw them, {@code null} to leave it out
	 * @return the fields of one stream entry
	 */
	static Map<String, String> of(List<Map<String, Object>> events, String instance) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (instance != null) {
			fields.put(INSTANCE, instance);
		}
		fields.put(COUNT, String.valueOf(events.size()));
		fields.put(EVENTS, MAPPER.writeValueAsString(events));
		return fields;
	}

	/**
	 * Returns the fields of one event.
	 * @param event the event
	 * @param atMillis when it happened, in epoch milliseconds
	 * @return its fields by name, in order
	 */
	static Map<String, Object> event(TaskEvent event, long atMillis) {
		return TaskEventFields.of(event, atMillis);
	}

}
