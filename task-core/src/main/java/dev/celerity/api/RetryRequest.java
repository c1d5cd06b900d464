package dev.celerity.api;

import java.time.Duration;

/**
 * Thrown by a task (see {@link TaskContext#retry(Duration, Throwable)}) to ask for another attempt.
 */
public class RetryRequest extends RuntimeException {

	private final Duration countdown;

	/**
	 * Creates a retry request.
	 * @param countdown the delay before the retry, or {@code null} for the task's backoff
	 * @param cause the failure that caused the retry
	 */
	public RetryRequest(Duration countdown, Throwable cause) {
		super("Retry requested" + ((countdown != null) ? " in " + countdown : ""), cause, false, false);
		this.countdown = countdown;
	}

	/**
	 * Returns the delay before the retry.
	 * @return the delay, or {@code null} for the task's backoff
	 */
	public Duration getCountdown() {
		return this.countdown;
	}

}
