package dev.celerity.worker;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queues this instance has stopped fetching from; messages already fetched still run.
 */
public class QueuePauses {

	private final Set<String> paused = ConcurrentHashMap.newKeySet();

	private final Object monitor = new Object();

	/**
	 * Stops fetching from a queue.
	 * @param queue the queue
	 * @return {@code false} if it was paused already
	 */
	public boolean pause(String queue) {
		return this.paused.add(queue);
	}

	/**
	 * Resumes fetching from a queue.
	 * @param queue the queue
	 * @return {@code false} if it was not paused
	 */
	public boolean resume(String queue) {
		boolean resumed = this.paused.remove(queue);
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
		return resumed;
	}

	/**
	 * Tells whether a queue is paused.
	 * @param queue the queue
	 * @return {@code true} if nothing is fetched from it
	 */
	public boolean isPaused(String queue) {
		return this.paused.contains(queue);
	}

	/**
	 * Returns the paused queues.
	 * @return their names, sorted
	 */
	public Set<String> paused() {
		return new TreeSet<>(this.paused);
	}

	void awaitResumed(String queue, Duration atMost) throws InterruptedException {
		synchronized (this.monitor) {
			if (isPaused(queue)) {
				this.monitor.wait(Math.max(1, atMost.toMillis()));
			}
		}
	}

}
