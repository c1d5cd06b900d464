package dev.celerity.registry;

import java.time.Duration;

/**
 * The application-wide values a task takes when its {@code @Task} annotation leaves them unset.
 *
 * @param maxRetries how many retries a task gets
 * @param retryDelay the delay before a retry when the task sets no backoff and the retry no countdown
 * @param retryBackoffMax the cap of an exponential backoff whose task sets none
 */
public record TaskDefaults(int maxRetries, Duration retryDelay, Duration retryBackoffMax) {

	/** Three retries, one second apart, backoff capped at ten minutes. */
	public static final TaskDefaults STANDARD = new TaskDefaults(3, Duration.ofSeconds(1), Duration.ofMinutes(10));

}
