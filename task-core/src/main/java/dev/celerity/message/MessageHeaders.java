package dev.celerity.message;

import java.time.Instant;
import java.util.Map;

/**
 * The headers of a task message.
 *
 * @param retries how many times the task has been retried
 * @param eta the earliest start, or {@code null}
 * @param expires the time after which the task is revoked instead of run, or {@code null}
 * @param rootId the id of the first task of the workflow, or {@code null}
 * @param parentId the id of the task that sent this one, or {@code null}
 * @param group the id of the group this task belongs to, or {@code null}
 * @param extra further headers: trace context and custom headers
 */
public record MessageHeaders(int retries, Instant eta, Instant expires, String rootId, String parentId, String group,
		Map<String, String> extra) {

	/** Extra header with the time the caller sent the task (ISO-8601), for the pickup latency metric. */
	public static final String SENT_AT = "sent_at";

	/** Headers of a first attempt with nothing set. */
	public static final MessageHeaders EMPTY = new MessageHeaders(0, null, null, null, null, null, Map.of());

	public MessageHeaders {
		extra = (extra != null) ? Map.copyOf(extra) : Map.of();
	}

	/**
	 * Returns the headers of the next attempt.
	 * @param eta when the retry may start
	 * @return the copy with one more retry
	 */
	public MessageHeaders nextRetry(Instant eta) {
		return new MessageHeaders(this.retries + 1, eta, this.expires, this.rootId, this.parentId, this.group,
				this.extra);
	}

}
