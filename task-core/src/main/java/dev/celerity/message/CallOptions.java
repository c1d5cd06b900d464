package dev.celerity.message;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.celerity.api.TaskOptions;

/**
 * Call options as a signature carries them inside messages, in Celery's option names ({@code queue},
 * {@code priority}, {@code countdown} in seconds, {@code eta}, {@code expires}, {@code soft_time_limit},
 * {@code time_limit}, {@code ignore_result}); the one conversion between {@link TaskOptions} and that map.
 */
public final class CallOptions {

	private CallOptions() {
	}

	/**
	 * Writes options as a signature's option map; the task id is not among them (a signature carries it apart).
	 * @param options the options
	 * @return the options that are set, by Celery's names
	 */
	public static Map<String, Object> toMap(TaskOptions options) {
		Map<String, Object> map = new LinkedHashMap<>();
		putIfSet(map, "queue", options.queue());
		putIfSet(map, "priority", options.priority());
		putIfSet(map, "countdown", MessageHeaders.seconds(options.countdown()));
		putIfSet(map, "eta", (options.eta() != null) ? options.eta().toString() : null);
		putIfSet(map, "expires", (options.expires() != null) ? options.expires().toString() : null);
		putIfSet(map, "soft_time_limit", MessageHeaders.seconds(options.softTimeLimit()));
		putIfSet(map, "time_limit", MessageHeaders.seconds(options.hardTimeLimit()));
		putIfSet(map, "ignore_result", options.ignoreResult());
		return map;
	}

	/**
	 * Reads options written by {@link #toMap}; other entries are ignored.
	 * @param map a signature's option map
	 * @return the options
	 */
	public static TaskOptions fromMap(Map<String, Object> map) {
		TaskOptions options = TaskOptions.none();
		if (map.get("queue") != null) {
			options = options.withQueue(map.get("queue").toString());
		}
		if (map.get("priority") instanceof Number priority) {
			options = options.withPriority(priority.intValue());
		}
		if (map.get("countdown") instanceof Number seconds) {
			// a negative or zero countdown means now, so it is read as it was written
			options = options.withCountdown(Duration.ofNanos(Math.round(seconds.doubleValue() * 1e9)));
		}
		if (map.get("eta") != null) {
			options = options.withEta(Instant.parse(map.get("eta").toString()));
		}
		if (map.get("expires") != null) {
			options = options.withExpires(Instant.parse(map.get("expires").toString()));
		}
		if (map.get("soft_time_limit") instanceof Number || map.get("time_limit") instanceof Number) {
			options = options.withTimeLimits(MessageHeaders.duration(map.get("soft_time_limit")),
					MessageHeaders.duration(map.get("time_limit")));
		}
		if (map.get("ignore_result") instanceof Boolean ignore) {
			options = options.withIgnoreResult(ignore);
		}
		return options;
	}

	private static void putIfSet(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
