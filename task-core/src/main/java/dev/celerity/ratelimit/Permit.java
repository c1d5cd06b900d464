package dev.celerity.ratelimit;

import java.time.Duration;

/**
 * A rate limiter's answer: go now, go after a wait with a token already reserved, or ask again after a wait.
 *
 * @param delay how long until the task may start (zero: now)
 * @param reserved whether a token is reserved for the start after the wait (then the task must not ask again)
 */
public record Permit(Duration delay, boolean reserved) {

	/** Start now. */
	public static final Permit GRANTED = new Permit(Duration.ZERO, false);

	/**
	 * Whether the task may start now.
	 * @return {@code true} if no wait is needed
	 */
	public boolean granted() {
		return this.delay.isZero();
	}

}
