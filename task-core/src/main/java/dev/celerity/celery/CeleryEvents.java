package dev.celerity.celery;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.celerity.events.TaskEvent;

/**
 * Turns Celerity's task events into Celery's ({@code task-received}, {@code task-started}, {@code task-succeeded},
 * {@code task-failed}, {@code task-retried}, {@code task-revoked}, {@code task-rejected}) and writes the worker's
 * {@code worker-online}, {@code worker-heartbeat} and {@code worker-offline}, with the fields Celery's event
 * dispatcher adds to each ({@code hostname}, {@code utcoffset}, {@code pid}, {@code clock}, {@code timestamp}).
 */
public class CeleryEvents {

	private final String hostname;

	private final long pid = ProcessHandle.current().pid();

	private final Clock clock;

	private final AtomicLong logicalClock = new AtomicLong();

	private final AtomicLong processed = new AtomicLong();

	/**
	 * Creates the converter.
	 * @param hostname this worker's Celery node name
	 * @param clock the clock of the timestamps
	 */
	public CeleryEvents(String hostname, Clock clock) {
		this.hostname = hostname;
		this.clock = clock;
	}

	/**
	 * Converts a task event.
	 * @param event Celerity's event
	 * @return Celery's event, or {@code null} for an event Celery has no counterpart of
	 */
	public Map<String, Object> task(TaskEvent event) {
		if (event instanceof TaskEvent.TaskReceived e) {
			return fields("task-received", e.taskId(), Map.of("name", e.taskName(), "args", "()", "kwargs", "{}",
					"retries", 0, "routing_key", e.queue()));
		}
		if (event instanceof TaskEvent.TaskStarted e) {
			return fields("task-started", e.taskId(), Map.of());
		}
		if (event instanceof TaskEvent.TaskSucceeded e) {
			this.processed.incrementAndGet();
			return fields("task-succeeded", e.taskId(), Map.of("runtime", e.runtime().toNanos() / 1e9));
		}
		if (event instanceof TaskEvent.TaskFailed e) {
			this.processed.incrementAndGet();
			return fields("task-failed", e.taskId(), Map.of("exception", String.valueOf(e.error()), "traceback",
					(e.error() != null) ? String.join("\n", e.error().stackTrace()) : ""));
		}
		if (event instanceof TaskEvent.TaskRetried e) {
			return fields("task-retried", e.taskId(), Map.of("exception", String.valueOf(e.error())));
		}
		if (event instanceof TaskEvent.TaskRevoked e) {
			return fields("task-revoked", e.taskId(), Map.of("terminated", false, "expired",
					String.valueOf(e.reason()).startsWith("expired")));
		}
		if (event instanceof TaskEvent.TaskRejected e) {
			return fields("task-rejected", e.taskId(), Map.of("requeue", false));
		}
		return null;
	}

	/**
	 * Writes a worker event.
	 * @param type {@code worker-online}, {@code worker-heartbeat} or {@code worker-offline}
	 * @param active how many tasks run now
	 * @param frequency the heartbeat interval in seconds
	 * @return the event
	 */
	public Map<String, Object> worker(String type, int active, double frequency) {
		Map<String, Object> event = fields(type, null, Map.of());
		event.put("freq", frequency);
		event.put("active", active);
		event.put("processed", this.processed.get());
		event.put("loadavg", java.util.List.of(0.0, 0.0, 0.0));
		event.put("sw_ident", "celerity");
		event.put("sw_ver", "5.2.6");
		event.put("sw_sys", System.getProperty("os.name"));
		return event;
	}

	/**
	 * Returns the routing key of an event type, as Celery's dispatcher derives it.
	 * @param type the event type
	 * @return the type with dots for dashes
	 */
	public static String routingKey(String type) {
		return type.replace('-', '.');
	}

	private Map<String, Object> fields(String type, String taskId, Map<String, Object> more) {
		Map<String, Object> event = new LinkedHashMap<>();
		if (taskId != null) {
			event.put("uuid", taskId);
		}
		event.putAll(more);
		event.put("hostname", this.hostname);
		event.put("utcoffset", 0);
		event.put("pid", this.pid);
		event.put("clock", this.logicalClock.incrementAndGet());
		event.put("timestamp", this.clock.millis() / 1000.0);
		event.put("type", type);
		return event;
	}

}
