package dev.celerity.control.redis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.celerity.events.TaskEvent;

/**
 * The format of the event stream's entries: one entry holds the events a writer queued together, as a {@code count}
 * field and an {@code events} field with a JSON array of one object per event ({@code type}, {@code at} in epoch
 * milliseconds, {@code task_id}, {@code task}, {@code queue} and the type's own fields).
 */
final class EventStreamEntry {

	static final String COUNT = "count";

	static final String EVENTS = "events";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private EventStreamEntry() {
	}

	/**
	 * Returns the entry's fields for some events.
	 * @param events the events' fields, as made by {@link #event}
	 * @return the fields of one stream entry
	 */
	static Map<String, String> of(List<Map<String, Object>> events) {
		Map<String, String> fields = new LinkedHashMap<>();
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
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", event.getClass().getSimpleName());
		fields.put("at", atMillis);
		putIfSet(fields, "task_id", event.taskId());
		putIfSet(fields, "task", event.taskName());
		putIfSet(fields, "queue", event.queue());
		if (event instanceof TaskEvent.TaskStarted started) {
			putIfSet(fields, "args", started.argsSummary());
		}
		else if (event instanceof TaskEvent.TaskSucceeded succeeded) {
			putIfSet(fields, "runtime_ms", (succeeded.runtime() != null) ? succeeded.runtime().toMillis() : null);
		}
		else if (event instanceof TaskEvent.TaskFailed failed) {
			putIfSet(fields, "runtime_ms", (failed.runtime() != null) ? failed.runtime().toMillis() : null);
			putIfSet(fields, "error", (failed.error() != null) ? failed.error().toString() : null);
		}
		else if (event instanceof TaskEvent.TaskRetried retried) {
			fields.put("retries", retried.retries());
			putIfSet(fields, "eta", (retried.eta() != null) ? retried.eta().toString() : null);
			putIfSet(fields, "error", (retried.error() != null) ? retried.error().toString() : null);
		}
		else if (event instanceof TaskEvent.TaskRevoked revoked) {
			putIfSet(fields, "reason", revoked.reason());
		}
		else if (event instanceof TaskEvent.TaskRejected rejected) {
			putIfSet(fields, "reason", rejected.reason());
		}
		else if (event instanceof TaskEvent.TaskDeferred deferred) {
			putIfSet(fields, "until", (deferred.until() != null) ? deferred.until().toString() : null);
			putIfSet(fields, "reason", deferred.reason());
		}
		return fields;
	}

	private static void putIfSet(Map<String, Object> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

}
