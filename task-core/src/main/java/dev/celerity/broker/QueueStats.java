package dev.celerity.broker;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many messages wait in one queue, for monitoring.
 *
 * @param queue the queue
 * @param readyByPriority ready messages by priority (0-9); a broker that cannot split them by priority reports them
 * all under priority 0
 * @param delayed messages waiting for their ETA (countdowns, retries, deferrals)
 * @param leased messages leased to a worker (running, or waiting in a worker's prefetch), not counted in the depth
 * @param deadLetters messages in the queue's dead-letter store
 */
public record QueueStats(String queue, Map<Integer, Long> readyByPriority, long delayed, long leased,
		long deadLetters) {

	public QueueStats {
		readyByPriority = Map.copyOf(new TreeMap<>(readyByPriority));
	}

	/**
	 * Returns the number of ready messages.
	 * @return ready messages of all priorities
	 */
	public long ready() {
		return this.readyByPriority.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Returns the number of waiting messages, as {@link Broker#depth(String)} counts them.
	 * @return ready plus delayed messages
	 */
	public long depth() {
		return ready() + this.delayed;
	}

}
