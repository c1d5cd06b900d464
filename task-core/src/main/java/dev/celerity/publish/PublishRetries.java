package dev.celerity.publish;

import java.time.Duration;
import java.util.function.Supplier;

import dev.celerity.api.TaskPublishException;
import dev.celerity.redis.RedisFailures;
import dev.celerity.redis.UnavailableRetries;

/**
 * Stores messages in a broker that may be unreachable for a moment (a dropped connection being re-established): a
 * store that fails because the broker is unavailable is tried again ({@link UnavailableRetries}) until the publish
 * timeout has passed; then the caller gets a {@link TaskPublishException} instead of a thread held for the whole
 * outage. Trying again is safe: the broker stores a message whose id is already pending only once.
 */
final class PublishRetries {

	/** The default publish timeout. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final UnavailableRetries retries;

	PublishRetries(Duration timeout) {
		this.retries = new UnavailableRetries(timeout);
	}

	/**
	 * Runs a store, trying again while the broker is unavailable and the timeout has not passed.
	 * @param <T> what the store returns
	 * @param task the name of the (first) task stored, for the error
	 * @param queue its queue, for the error
	 * @param store the store
	 * @return what the store returned
	 * @throws TaskPublishException if the broker stayed unavailable for the whole timeout
	 */
	<T> T store(String task, String queue, Supplier<T> store) {
		long start = System.nanoTime();
		try {
			return this.retries.call(store);
		}
		catch (RuntimeException ex) {
			if (RedisFailures.isUnavailable(ex)) {
				throw new TaskPublishException(task, queue, Duration.ofNanos(System.nanoTime() - start), ex);
			}
			throw ex;
		}
	}

}
