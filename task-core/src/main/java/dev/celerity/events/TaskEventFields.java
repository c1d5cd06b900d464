package dev.celerity.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flat form of a task event that outlives the JVM that saw it (the event stream, the dashboard's history):
 * {@code type}, {@code at} in epoch milliseconds, {@code task_id}, {@code task}, {@code queue} and the type's own
 * fields in snake case, only those with a value; a publication's arguments stay JSON values ({@code call_args},
 * {@code call_kwargs}).
 */
public final class TaskEventFields {

	private TaskEventFields() {
	}

	/**
	 * Returns the fields of one event.
	 * @param event the event
	 * @param atMillis when it happened, in epoch milliseconds
	 * @return its fields by name, in order
	 */
	public static Map<String, Object> of(TaskEvent event, long atMillis) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", event.getClass().getSimpleName());
		fields.put("at", atMillis);
		putIfSet(fields, "task_id", event.taskId());
		putIfSet(fields, "task", event.taskName());
		putIfSet(fields, "queue", event.queue());
		if (event instanceof TaskEvent.TaskPublished published) {
			fields.put("priority", published.priority());
			putIfSet(fields, "eta", published.eta());
			putIfSet(fields, "root_id", published.rootId());
			putIfSet(fields, "parent_id", published.parentId());
			putIfSet(fields, "group", published.group());
			putIfSet(fields, "routed_by", published.routedBy());
			if (published.args() != null) {
				fields.put("call_args", published.args());
				fields.put("call_kwargs", published.kwargs());
			}
		}
		else if (event instanceof TaskEvent.TaskReceived received) {
			fields.put("redelivered", received.redelivered());
		}
		else if (event instanceof TaskEvent.TaskStarted started) {
			fields.put("retries", started.retries());
			putIfSet(fields, "waited_ms", millis(started.waited()));
			putIfSet(fields, "args", started.argsSummary());
		}
		else if (event instanceof TaskEvent.TaskSucceeded succeeded) {
			putIfSet(fields, "runtime_ms", millis(succeeded.runtime()));
		}
		else if (event instanceof TaskEvent.TaskFailed failed) {
			putIfSet(fields, "runtime_ms", millis(failed.runtime()));
			putIfSet(fields, "error", failed.error());
		}
		else if (event instanceof TaskEvent.TaskRetried retried) {
			fields.put("retries", retried.retries());
			putIfSet(fields, "eta", retried.eta());
			putIfSet(fields, "error", retried.error());
		}
		else if (event instanceof TaskEvent.TaskRevoked revoked) {
			putIfSet(fields, "reason", revoked.reason());
		}
		else if (event instanceof TaskEvent.TaskRejected rejected) {
			putIfSet(fields, "reason", rejected.reason());
		}
		else if (event instanceof TaskEvent.TaskDeferred deferred) {
			putIfSet(fields, "until", deferred.until());
			putIfSet(fields, "reason", deferred.reason());
		}
		return fields;
	}

	private static Long millis(Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

	// instants and errors as text: the stream's JSON stays the same whatever mapper writes it
	private static void putIfSet(Map<String, Object> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, (value instanceof String || value instanceof Number) ? value : value.toString());
		}
	}

}
