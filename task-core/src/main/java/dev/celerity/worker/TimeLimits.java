package dev.celerity.worker;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * The time limits of a task's attempts.
 *
 * @param soft when the task's thread is interrupted so it can clean up, or {@code null} for never
 * @param hard when the attempt is failed whatever the task does, or {@code null} for never
 */
public record TimeLimits(Duration soft, Duration hard) {

	/** No limits. */
	public static final TimeLimits NONE = new TimeLimits(null, null);

	public TimeLimits {
		Assert.isTrue(soft == null || !(soft.isNegative() || soft.isZero()), () -> "Soft time limit must be positive: " + soft);
		Assert.isTrue(hard == null || !(hard.isNegative() || hard.isZero()), () -> "Hard time limit must be positive: " + hard);
	}

	/**
	 * Tells whether any limit is set.
	 * @return {@code true} if a soft or hard limit applies
	 */
	public boolean isLimited() {
		return this.soft != null || this.hard != null;
	}

	/**
	 * Tells whether both limits are set and the soft one is larger, so that it could never fire first.
	 * @return {@code true} if soft is larger than hard
	 */
	public boolean softAboveHard() {
		return this.soft != null && this.hard != null && this.soft.compareTo(this.hard) > 0;
	}

	/**
	 * Returns these limits with each unset one taken from {@code fallback}.
	 * @param fallback the limits that apply where these set none
	 * @return the merged limits
	 */
	public TimeLimits orElse(TimeLimits fallback) {
		return new TimeLimits((this.soft != null) ? this.soft : fallback.soft,
				(this.hard != null) ? this.hard : fallback.hard);
	}

}
