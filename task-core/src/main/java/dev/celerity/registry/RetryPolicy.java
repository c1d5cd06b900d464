package dev.celerity.registry;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When and how often a task is retried.
 *
 * @param maxRetries the most retries before the task fails
 * @param autoretryFor exception types that trigger an automatic retry
 * @param backoff the base delay of the exponential backoff, or {@code null} for a fixed {@code defaultDelay}
 * @param backoffMax the largest delay
 * @param jitter whether delays are drawn uniformly between zero and the computed delay (full jitter)
 * @param defaultDelay the delay used when no backoff is set
 */
public record RetryPolicy(int maxRetries, List<Class<? extends Throwable>> autoretryFor, Duration backoff,
		Duration backoffMax, boolean jitter, Duration defaultDelay) {

	public RetryPolicy {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative, but was " + maxRetries);
		}
		autoretryFor = List.copyOf(autoretryFor);
	}

	/**
	 * Tells whether a failure triggers an automatic retry.
	 * @param failure what the task threw
	 * @return whether it is one of {@link #autoretryFor()}
	 */
	public boolean retriesOn(Throwable failure) {
		return this.autoretryFor.stream().anyMatch((type) -> type.isInstance(failure));
	}

	/**
	 * Returns the delay before retry number {@code retries + 1}: {@code min(backoffMax, backoff * 2^retries)},
	 * drawn from {@code [0, delay]} when jitter is on.
	 * @param retries how many retries happened before
	 * @param random the random source for jitter
	 * @return the delay
	 */
	public Duration delayBefore(int retries, RandomGenerator random) {
		if (this.backoff == null) {
			return this.defaultDelay;
		}
		long baseMillis = this.backoff.toMillis();
		long maxMillis = this.backoffMax.toMillis();
		int shift = Math.min(retries, 62);
		long millis = (baseMillis > (maxMillis >> shift)) ? maxMillis : Math.min(maxMillis, baseMillis << shift);
		if (this.jitter && millis > 0) {
			millis = random.nextLong(millis + 1);
		}
		return Duration.ofMillis(millis);
	}

}
