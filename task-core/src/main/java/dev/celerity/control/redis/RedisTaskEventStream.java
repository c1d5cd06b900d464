package dev.celerity.control.redis;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;

/**
 * Appends every task event of the cluster to one capped Redis stream that a dashboard can read with
 * {@code XRANGE}/{@code XREAD}; the stream is trimmed (approximately) to the configured length on each append.
 */
public class RedisTaskEventStream implements TaskEventListener {

	private static final Logger logger = LoggerFactory.getLogger(RedisTaskEventStream.class);

	private final StringRedisTemplate redis;

	private final String key;

	private final XAddOptions options;

	/**
	 * Creates the stream writer.
	 * @param redis the Redis access
	 * @param prefix the key prefix shared by Celerity's keys
	 * @param maxLength about how many events the stream keeps
	 */
	public RedisTaskEventStream(StringRedisTemplate redis, String prefix, long maxLength) {
		this.redis = redis;
		this.key = prefix + ":events";
		this.options = XAddOptions.maxlen(maxLength).approximateTrimming(true);
	}

	/**
	 * Returns the stream's key.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	@Override
	public void onEvent(TaskEvent event) {
		try {
			this.redis.opsForStream().add(this.key, fields(event), this.options);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not append {} to the event stream: {}", event, ex.toString());
		}
	}

	static Map<String, String> fields(TaskEvent event) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", event.getClass().getSimpleName());
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
			putIfSet(fields, "error", failed.error());
		}
		else if (event instanceof TaskEvent.TaskRetried retried) {
			fields.put("retries", String.valueOf(retried.retries()));
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

	private static void putIfSet(Map<String, String> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, String.valueOf(value));
		}
	}

}
