package dev.celerity.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import dev.celerity.broker.Broker;
import dev.celerity.broker.QueueStats;
import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerPool;

/**
 * Waits, in integration tests, until a worker has run everything there is to run: every queue its pools consume is
 * empty (no ready, delayed or leased message) and no task is running. A single constructor, so a test can register
 * it with {@code @Import(QueueDrainer.class)} and autowire it.
 *
 * <p>Work a task stores (a chain's next step, a retry) is stored before its message is acknowledged, so it is seen
 * either as leased or as waiting; to be sure no task finished between reading one queue and the next, idleness must
 * be seen twice in a row with no task finished in between.
 */
public class QueueDrainer {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

	private final Broker broker;

	private final Worker worker;

	/**
	 * Creates a drainer.
	 * @param broker the broker the worker consumes
	 * @param worker the worker whose queues and pools are watched
	 */
	public QueueDrainer(Broker broker, Worker worker) {
		this.broker = broker;
		this.worker = worker;
	}

	/**
	 * Waits until every queue the worker consumes is empty and no task runs.
	 * @param timeout the longest wait
	 * @throws IllegalStateException if work is left after the timeout, naming it
	 */
	public void drain(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long processedWhenLastIdle = -1;
		while (true) {
			long processed = processed();
			if (idle()) {
				if (processed == processedWhenLastIdle) {
					return;
				}
				processedWhenLastIdle = processed;
			}
			else {
				processedWhenLastIdle = -1;
			}
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("Celerity queues not drained after " + timeout + ": " + pending());
			}
			LockSupport.parkNanos(POLL_INTERVAL.toNanos());
			if (Thread.currentThread().isInterrupted()) {
				throw new IllegalStateException("Interrupted while draining the Celerity queues");
			}
		}
	}

	/**
	 * Tells whether, right now, no task runs and every queue the worker consumes is empty.
	 * @return whether the worker is idle
	 */
	public boolean idle() {
		// the pools first: a message leaves a pool only after what it stored is in the broker
		for (WorkerPool pool : this.worker.pools()) {
			if (pool.activeCount() > 0 || !pool.leased().isEmpty()) {
				return false;
			}
		}
		for (String queue : queues()) {
			QueueStats stats = this.broker.stats(queue);
			if (stats.depth() > 0 || stats.leased() > 0) {
				return false;
			}
		}
		return true;
	}

	private long processed() {
		return this.worker.pools().stream().mapToLong(WorkerPool::processedCount).sum();
	}

	private Set<String> queues() {
		Set<String> queues = new LinkedHashSet<>();
		this.worker.pools().forEach((pool) -> queues.addAll(pool.settings().queues()));
		return queues;
	}

	private String pending() {
		List<String> left = new ArrayList<>();
		for (WorkerPool pool : this.worker.pools()) {
			left.add("pool '" + pool.settings().name() + "' running " + pool.activeCount());
		}
		for (String queue : queues()) {
			QueueStats stats = this.broker.stats(queue);
			left.add("queue '" + queue + "' ready " + stats.ready() + ", delayed " + stats.delayed() + ", leased "
					+ stats.leased());
		}
		return String.join("; ", left);
	}

}
