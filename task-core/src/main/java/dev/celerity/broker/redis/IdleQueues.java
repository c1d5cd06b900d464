package dev.celerity.broker.redis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers which queues were found empty and until when nothing can become due in them, so that an idle consumer
 * waits on the wake-up signal alone instead of running the fetch script on every wait. The signal stays the source
 * of truth: any publication leaves it for the next waiter. Times are {@link System#nanoTime()} values.
 */
final class IdleQueues {

	private final ConcurrentMap<String, Long> emptyUntil = new ConcurrentHashMap<>();

	/**
	 * Tells whether a queue is known to be empty at the given time.
	 * @param queue the queue
	 * @param now the current time
	 * @return {@code true} if the fetch script need not run before waiting
	 */
	boolean isKnownEmpty(String queue, long now) {
		Long until = this.emptyUntil.get(queue);
		return until != null && until - now > 0;
	}

	/**
	 * Returns how long a queue stays known to be empty.
	 * @param queue the queue
	 * @param now the current time
	 * @return nanoseconds, zero if it is not known to be empty
	 */
	long remainingNanos(String queue, long now) {
		Long until = this.emptyUntil.get(queue);
		return (until != null) ? Math.max(0, until - now) : 0;
	}

	void markEmpty(String queue, long until) {
		this.emptyUntil.put(queue, until);
	}

	void forget(String queue) {
		this.emptyUntil.remove(queue);
	}

}
