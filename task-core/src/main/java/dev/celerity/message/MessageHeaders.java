package dev.celerity.message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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
 * @param timelimit the call's time limits in seconds as Celery writes them, {@code [hard, soft]} (either may be
 * {@code null}), or {@code null} when the call set none
 * @param ignoreResult {@code true} when the call asked not to store the result, or {@code null}
 */
public record MessageHeaders(int retries, Instant eta, Instant expires, String rootId, String parentId, String group,
		Map<String, String> extra, List<Double> timelimit, Boolean ignoreResult) {

	/** Extra header with the time the caller sent the task (ISO-8601), for the pickup latency metric. */
	public static final String SENT_AT = "sent_at";

	/** Headers of a first attempt with nothing set. */
	public static final MessageHeaders EMPTY = new MessageHeaders(0, null, null, null, null, null, Map.of());

	public MessageHeaders {
		extra = (extra != null) ? Map.copyOf(extra) : Map.of();
		if (timelimit != null) {
			if (timelimit.size() != 2) {
				throw new IllegalArgumentException("timelimit must be [hard, soft], but was " + timelimit);
			}
			timelimit = Collections.unmodifiableList(new ArrayList<>(timelimit));
		}
	}

	/**
	 * Creates headers without call-time time limits or result option.
	 * @param retries how many times the task has been retried
	 * @param eta the earliest start, or {@code null}
	 * @param expires the time after which the task is revoked instead of run, or {@code null}
	 * @param rootId the id of the first task of the workflow, or {@code null}
	 * @param parentId the id of the task that sent this one, or {@code null}
	 * @param group the id of the group this task belongs to, or {@code null}
	 * @param extra further headers: trace context and custom headers
	 */
	public MessageHeaders(int retries, Instant eta, Instant expires, String rootId, String parentId, String group,
			Map<String, String> extra) {
		this(retries, eta, expires, rootId, parentId, group, extra, null, null);
	}

	/**
	 * Writes call-time time limits the way Celery's {@code timelimit} header holds them.
	 * @param soft the soft limit, or {@code null}
	 * @param hard the hard limit, or {@code null}
	 * @return {@code [hard, soft]} in seconds, or {@code null} when neither is set
	 */
	public static List<Double> timelimit(Duration soft, Duration hard) {
		if (soft == null && hard == null) {
			return null;
		}
		return Arrays.asList(seconds(hard), seconds(soft));
	}

	/** @return the call's soft time limit, or {@code null} */
	public Duration softTimeLimit() {
		return (this.timelimit != null) ? duration(this.timelimit.get(1)) : null;
	}

	/** @return the call's hard time limit, or {@code null} */
	public Duration hardTimeLimit() {
		return (this.timelimit != null) ? duration(this.timelimit.get(0)) : null;
	}

	/** @return whether the call asked not to store the task's result */
	public boolean ignoresResult() {
		return Boolean.TRUE.equals(this.ignoreResult);
	}

	/**
	 * Returns the headers of the next attempt.
	 * @param eta when the retry may start
	 * @return the copy with one more retry
	 */
	public MessageHeaders nextRetry(Instant eta) {
		return new MessageHeaders(this.retries + 1, eta, this.expires, this.rootId, this.parentId, this.group,
				this.extra, this.timelimit, this.ignoreResult);
	}

	/**
	 * Returns a copy with other extra headers.
	 * @param extra the extra headers
	 * @return the copy
	 */
	public MessageHeaders withExtra(Map<String, String> extra) {
		return new MessageHeaders(this.retries, this.eta, this.expires, this.rootId, this.parentId, this.group, extra,
				this.timelimit, this.ignoreResult);
	}

	/**
	 * Writes a duration as Celery writes times in messages and options: seconds, with a fraction.
	 * @param duration the duration, or {@code null}
	 * @return the seconds, or {@code null}
	 */
	public static Double seconds(Duration duration) {
		return (duration != null) ? duration.toNanos() / 1e9 : null;
	}

	/**
	 * Reads a duration written by {@link #seconds(Duration)}.
	 * @param seconds a number of seconds, or anything else for none
	 * @return the duration, or {@code null} when not a positive number
	 */
	public static Duration duration(Object seconds) {
		return (seconds instanceof Number number && number.doubleValue() > 0)
				? Duration.ofNanos(Math.round(number.doubleValue() * 1e9)) : null;
	}

}
