package dev.celerity.worker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The room of a worker pool (running plus prefetched messages), taken by its fetching threads and given back as
 * messages are settled.
 *
 * <p>Fetching threads take their turns in the order they asked, and the one whose turn it is waits until as much
 * room as it needs is free. Giving room back wakes that thread only once enough is free, so a pool that refills in
 * batches wakes its fetcher once per batch rather than once per finished task, and giving room back while no thread
 * waits costs no more than an atomic addition.
 */
final class PoolRoom {

	private static final int NOBODY = Integer.MAX_VALUE;

	private final AtomicInteger free;

	/** Fetching threads queue here for their turn, in the order they asked. */
	private final ReentrantLock turn = new ReentrantLock(true);

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition enough = this.lock.newCondition();

	/** How much room the thread whose turn it is waits for; {@link #NOBODY} when none waits. */
	private volatile int wanted = NOBODY;

	/**
	 * Creates the room of a pool.
	 * @param size the pool's concurrency plus its prefetch
	 */
	PoolRoom(int size) {
		this.free = new AtomicInteger(size);
	}

	/**
	 * Waits for this thread's turn, then for at least {@code min} free room, and takes what is free up to
	 * {@code max}.
	 * @param min the least room to wait for
	 * @param max the most room to take
	 * @param timeoutNanos how long to wait, {@code Long.MAX_VALUE} for as long as it takes
	 * @return the room taken, {@code 0} if {@code min} was not free in time
	 * @throws InterruptedException if interrupted while waiting; no room is taken then
	 */
	int take(int min, int max, long timeoutNanos) throws InterruptedException {
		long deadline = System.nanoTime() + Math.min(timeoutNanos, Long.MAX_VALUE / 4);
		if (!this.turn.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
			return 0;
		}
		try {
			return (awaitFree(min, deadline)) ? takeUpTo(max) : 0;
		}
		finally {
			this.turn.unlock();
		}
	}

	/**
	 * Gives room back, waking the waiting thread if it now has enough.
	 * @param count how much room
	 */
	void release(int count) {
		if (this.free.addAndGet(count) >= this.wanted) {
			this.lock.lock();
			try {
				this.enough.signal();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	/**
	 * Returns the room free now.
	 * @return the free room
	 */
	int available() {
		return this.free.get();
	}

	private boolean awaitFree(int min, long deadline) throws InterruptedException {
		if (this.free.get() >= min) {
			return true;
		}
		this.lock.lockInterruptibly();
		try {
			// announced before the check: a release that finds it unannounced has made its room visible to the check
			this.wanted = min;
			while (this.free.get() < min) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				this.enough.awaitNanos(left);
			}
			return true;
		}
		finally {
			this.wanted = NOBODY;
			this.lock.unlock();
		}
	}

	private int takeUpTo(int max) {
		while (true) {
			int current = this.free.get();
			int taken = Math.min(current, max);
			if (this.free.compareAndSet(current, current - taken)) {
				return taken;
			}
		}
	}

}
