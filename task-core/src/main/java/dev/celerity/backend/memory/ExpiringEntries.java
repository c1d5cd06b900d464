package dev.celerity.backend.memory;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Values by key, each expiring after its own time to live: an expired value is never read, and is dropped by the
 * writes that follow its expiry.
 *
 * <p>The writes of each time to live are kept in write order, so their deadlines are in order too and the expired
 * ones are always at the front: a write drops them by looking at the front of each time to live's queue (there are
 * as many as distinct times to live, usually one), with no timer and no thread of its own.
 *
 * @param <V> the values
 */
final class ExpiringEntries<V> {

	private static final int MAX_DROPPED_PER_WRITE = 64;

	private final Map<String, Timed<V>> entries = new ConcurrentHashMap<>();

	private final Map<Long, Queue<Timed<V>>> writesByTimeToLive = new ConcurrentHashMap<>();

	private final AtomicBoolean dropping = new AtomicBoolean();

	/**
	 * Stores a value, replacing the key's previous one.
	 * @param key the key
	 * @param value the value
	 * @param timeToLive how long the value is readable
	 */
	void put(String key, V value, Duration timeToLive) {
		long now = System.nanoTime();
		long nanos = nanos(timeToLive);
		Timed<V> timed = new Timed<>(key, value, now + nanos);
		this.entries.put(key, timed);
		this.writesByTimeToLive.computeIfAbsent(nanos, (ttl) -> new ConcurrentLinkedQueue<>()).add(timed);
		dropExpired(now);
	}

	/**
	 * Returns the value of a key unless it has expired.
	 * @param key the key
	 * @return the value, or {@code null}
	 */
	V get(String key) {
		Timed<V> timed = this.entries.get(key);
		if (timed == null) {
			return null;
		}
		if (timed.expiredAt(System.nanoTime())) {
			this.entries.remove(key, timed);
			return null;
		}
		return timed.value();
	}

	/**
	 * Removes the value of a key.
	 * @param key the key
	 */
	void remove(String key) {
		this.entries.remove(key);
	}

	private void dropExpired(long now) {
		if (!this.dropping.compareAndSet(false, true)) {
			return;
		}
		try {
			for (Queue<Timed<V>> writes : this.writesByTimeToLive.values()) {
				Timed<V> oldest;
				int dropped = 0;
				while (dropped++ < MAX_DROPPED_PER_WRITE && (oldest = writes.peek()) != null
						&& oldest.expiredAt(now)) {
					writes.poll();
					// a later write of the key has its own deadline and stays
					this.entries.remove(oldest.key(), oldest);
				}
			}
		}
		finally {
			this.dropping.set(false);
		}
	}

	private static long nanos(Duration timeToLive) {
		try {
			return Math.max(0, timeToLive.toNanos());
		}
		catch (ArithmeticException ex) {
			// over 292 years: as good as forever, and far from overflowing a deadline
			return Long.MAX_VALUE / 4;
		}
	}

	private record Timed<V>(String key, V value, long deadline) {

		boolean expiredAt(long now) {
			return now - this.deadline >= 0;
		}

	}

}
