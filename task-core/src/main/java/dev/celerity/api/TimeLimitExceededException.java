package dev.celerity.api;

import java.time.Duration;

/**
 * Records that an attempt of a task ran past one of its time limits.
 */
public class TimeLimitExceededException extends CelerityException {

	private final boolean hard;

	/**
	 * Creates an exception.
	 * @param taskName the task
	 * @param hard whether the hard limit was reached (the soft one otherwise)
	 * @param limit the limit
	 * @param cause what the task threw after it was interrupted, or {@code null}
	 */
	public TimeLimitExceededException(String taskName, boolean hard, Duration limit, Throwable cause) {
		super("Task " + taskName + " exceeded its " + (hard ? "hard" : "soft") + " time limit of " + limit, cause);
		this.hard = hard;
	}

	/**
	 * Tells which limit was reached.
	 * @return {@code true} for the hard limit
	 */
	public boolean isHard() {
		return this.hard;
	}

}
