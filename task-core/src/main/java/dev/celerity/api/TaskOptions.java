package dev.celerity.api;

import java.time.Duration;
import java.time.Instant;

import org.springframework.util.Assert;

/**
 * Options of one task call; each {@code null} field leaves the decision to routing, the task or the defaults.
 *
 * @param queue the queue to send to
 * @param priority the priority 0-9, higher first
 * @param countdown delay before the task may run; wins over {@code eta}, zero or negative means now
 * @param eta the earliest time the task may run
 * @param expires the time after which the task is not run but revoked
 * @param taskId a caller-chosen task id, which makes the enqueue idempotent
 * @param softTimeLimit the soft time limit of each attempt, beating the task's own
 * @param hardTimeLimit the hard time limit of each attempt, beating the task's own
 * @param ignoreResult {@code true} to not store the result (and not wait for it), beating the task's own setting
 */
public record TaskOptions(String queue, Integer priority, Duration countdown, Instant eta, Instant expires,
		String taskId, Duration softTimeLimit, Duration hardTimeLimit, Boolean ignoreResult) {

	private static final TaskOptions NONE = new TaskOptions(null, null, null, null, null, null, null, null, null);

	public TaskOptions {
		Assert.isTrue(priority == null || (priority >= 0 && priority <= 9),
				() -> "Priority must be between 0 and 9, but was " + priority);
		Assert.isTrue(softTimeLimit == null || isPositive(softTimeLimit),
				() -> "Soft time limit must be positive, but was " + softTimeLimit);
		Assert.isTrue(hardTimeLimit == null || isPositive(hardTimeLimit),
				() -> "Hard time limit must be positive, but was " + hardTimeLimit);
		Assert.isTrue(softTimeLimit == null || hardTimeLimit == null || softTimeLimit.compareTo(hardTimeLimit) <= 0,
				() -> "Soft time limit " + softTimeLimit + " must not be larger than the hard time limit "
						+ hardTimeLimit);
	}

	/**
	 * Creates options without time limits or result option.
	 * @param queue the queue to send to
	 * @param priority the priority 0-9, higher first
	 * @param countdown delay before the task may run
	 * @param eta the earliest time the task may run
	 * @param expires the time after which the task is not run but revoked
	 * @param taskId a caller-chosen task id
	 */
	public TaskOptions(String queue, Integer priority, Duration countdown, Instant eta, Instant expires,
			String taskId) {
		this(queue, priority, countdown, eta, expires, taskId, null, null, null);
	}

	/**
	 * Returns options that set nothing.
	 * @return empty options
	 */
	public static TaskOptions none() {
		return NONE;
	}

	/**
	 * Returns a copy with the queue set.
	 * @param queue the queue
	 * @return new options
	 */
	public TaskOptions withQueue(String queue) {
		return new TaskOptions(queue, this.priority, this.countdown, this.eta, this.expires, this.taskId,
				this.softTimeLimit, this.hardTimeLimit, this.ignoreResult);
	}

	/**
	 * Returns a copy with the priority set.
	 * @param priority 0-9, higher first
	 * @return new options
	 */
	public TaskOptions withPriority(int priority) {
		return new TaskOptions(this.queue, priority, this.countdown, this.eta, this.expires, this.taskId,
				this.softTimeLimit, this.hardTimeLimit, this.ignoreResult);
	}

	/**
	 * Returns a copy with a countdown: the task runs no earlier than this long after it is sent. The countdown wins
	 * over an ETA; a zero or negative countdown means now.
	 * @param countdown the delay
	 * @return new options
	 */
	public TaskOptions withCountdown(Duration countdown) {
		return new TaskOptions(this.queue, this.priority, countdown, this.eta, this.expires, this.taskId,
				this.softTimeLimit, this.hardTimeLimit, this.ignoreResult);
	}

	/**
	 * Returns a copy with an ETA: the task runs no earlier than this time.
	 * @param eta the earliest start
	 * @return new options
	 */
	public TaskOptions withEta(Instant eta) {
		return new TaskOptions(this.queue, this.priority, this.countdown, eta, this.expires, this.taskId,
				this.softTimeLimit, this.hardTimeLimit, this.ignoreResult);
	}

	/**
	 * Returns a copy with an expiry time: a task not started by then is revoked instead of run.
	 * @param expires the expiry time
	 * @return new options
	 */
	public TaskOptions withExpires(Instant expires) {
		return new TaskOptions(this.queue, this.priority, this.countdown, this.eta, expires, this.taskId,
				this.softTimeLimit, this.hardTimeLimit, this.ignoreResult);
	}

	/**
	 * Returns a copy that expires this long from now.
	 * @param timeToLive how long the task may wait to start
	 * @return new options
	 */
	public TaskOptions withExpiresIn(Duration timeToLive) {
		return withExpires(Instant.now().plus(timeToLive));
	}

	/**
	 * Returns a copy with a caller-chosen task id; sending a task whose id is pending or running is a no-op.
	 * @param taskId the id
	 * @return new options
	 */
	public TaskOptions withTaskId(String taskId) {
		return new TaskOptions(this.queue, this.priority, this.countdown, this.eta, this.expires, taskId,
				this.softTimeLimit, this.hardTimeLimit, this.ignoreResult);
	}

	/**
	 * Returns a copy with time limits for this call, beating configuration and {@code @TimeLimit}; each limit
	 * given as {@code null} is left to them.
	 * @param soft the soft limit (the task's thread is interrupted), or {@code null}
	 * @param hard the hard limit (the attempt fails), or {@code null}
	 * @return new options
	 * @throws IllegalArgumentException if a limit is not positive or soft is larger than hard
	 */
	public TaskOptions withTimeLimits(Duration soft, Duration hard) {
		return new TaskOptions(this.queue, this.priority, this.countdown, this.eta, this.expires, this.taskId, soft,
				hard, this.ignoreResult);
	}

	/**
	 * Returns a copy that does (or does not) store the task's result, beating {@code @Task(ignoreResult)}; a result
	 * handle of an ignored call returns {@code null} from {@code get} at once.
	 * @param ignoreResult whether to skip storing the result
	 * @return new options
	 */
	public TaskOptions withIgnoreResult(boolean ignoreResult) {
		return new TaskOptions(this.queue, this.priority, this.countdown, this.eta, this.expires, this.taskId,
				this.softTimeLimit, this.hardTimeLimit, ignoreResult);
	}

	/**
	 * Returns these options overlaid with {@code later}: each field {@code later} sets wins.
	 * @param later the options that take precedence
	 * @return merged options
	 */
	public TaskOptions mergedWith(TaskOptions later) {
		if (later == null || later == NONE) {
			return this;
		}
		return new TaskOptions(pick(later.queue, this.queue), pick(later.priority, this.priority),
				pick(later.countdown, this.countdown), pick(later.eta, this.eta), pick(later.expires, this.expires),
				pick(later.taskId, this.taskId), pick(later.softTimeLimit, this.softTimeLimit),
				pick(later.hardTimeLimit, this.hardTimeLimit), pick(later.ignoreResult, this.ignoreResult));
	}

	/**
	 * Returns the earliest time the task may start. A countdown wins over an ETA when both are set (as in Celery,
	 * where the countdown is turned into the ETA); a zero or negative countdown means now.
	 * @param now the current time
	 * @return the start time, or {@code null} to start at once
	 */
	public Instant readyAt(Instant now) {
		if (this.countdown != null) {
			return (this.countdown.isNegative() || this.countdown.isZero()) ? null : now.plus(this.countdown);
		}
		return this.eta;
	}

	private static boolean isPositive(Duration duration) {
		return !(duration.isNegative() || duration.isZero());
	}

	private static <T> T pick(T preferred, T fallback) {
		return (preferred != null) ? preferred : fallback;
	}

}
