package dev.celerity.testing.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Kills every client connection of an {@link OwnRedisServer}, normal and pub/sub, again and again at a fixed
 * interval on a thread of its own, until closed.
 */
public final class ConnectionKiller implements AutoCloseable {

	private final Thread thread;

	private final AtomicInteger kills = new AtomicInteger();

	private volatile boolean running = true;

	/**
	 * Starts killing.
	 * @param redis the server
	 * @param interval the pause between two rounds of kills
	 */
	public ConnectionKiller(OwnRedisServer redis, Duration interval) {
		this.thread = new Thread(() -> {
			while (this.running) {
				redis.killClients("normal");
				redis.killClients("pubsub");
				this.kills.incrementAndGet();
				LockSupport.parkNanos(interval.toNanos());
			}
		}, "connection-killer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Returns how many rounds of kills ran.
	 * @return the rounds
	 */
	public int kills() {
		return this.kills.get();
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join();
	}

}
