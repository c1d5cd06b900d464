package dev.celerity.publish;

import java.time.Duration;
import java.util.function.Supplier;

import dev.celerity.api.TaskPublishException;
import dev.celerity.broker.BrokerUnavailableException;

/**
 * Stores messages in a broker that may be unreachable for a moment (a dropped connection being re-established): a
 * store that fails with {@link BrokerUnavailableException} is tried again, after a short pause growing to 200 ms,
 * until the publish timeout has passed; then the caller gets a {@link TaskPublishException} instead of a thread held
 * for the whole outage. Trying again is safe: the broker stores a message whose id is already pending only once.
 */
final class PublishRetries {

	/** The default publish timeout. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private static final long FIRST_PAUSE_MILLIS = 10;

	private static final long LONGEST_PAUSE_MILLIS = 200;

	private final Duration timeout;

	PublishRetries(Duration timeout) {
		this.timeout = timeout;
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
		long deadline = start + this.timeout.toNanos();
		long pause = FIRST_PAUSE_MILLIS;
		while (true) {
			try {
				return store.get();
			}
			catch (BrokerUnavailableException ex) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new TaskPublishException(task, queue, Duration.ofNanos(System.nanoTime() - start), ex);
				}
				if (!pause(Math.min(pause, Math.max(1, left / 1_000_000)))) {
					throw new TaskPublishException(task, queue, Duration.ofNanos(System.nanoTime() - start), ex);
				}
				pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
			}
		}
	}

	private static boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
