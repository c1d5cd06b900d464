package dev.celerity.worker;

import java.time.Duration;
import java.util.List;

import org.springframework.context.SmartLifecycle;

import dev.celerity.broker.Broker;

/**
 * The task-consuming side of an application instance: its worker pools and their lease renewal, started and stopped
 * with the application context. Stopping is graceful: fetching stops, unstarted messages go back to the broker and
 * running tasks get a timeout to finish.
 */
public class Worker implements SmartLifecycle {

	private final List<WorkerPool> pools;

	private final LeaseKeeper leaseKeeper;

	private final Duration shutdownTimeout;

	private volatile boolean running;

	/**
	 * Creates a worker.
	 * @param broker the broker the pools fetch from
	 * @param pools the pools
	 * @param shutdownTimeout how long running tasks may take to finish when the worker stops
	 */
	public Worker(Broker broker, List<WorkerPool> pools, Duration shutdownTimeout) {
		this.pools = List.copyOf(pools);
		this.leaseKeeper = new LeaseKeeper(broker, this.pools);
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.pools.forEach(WorkerPool::start);
		this.leaseKeeper.start();
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		for (WorkerPool pool : this.pools) {
			pool.stop(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
		}
		this.leaseKeeper.stop();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Returns the worker's pools.
	 * @return the pools
	 */
	public List<WorkerPool> pools() {
		return this.pools;
	}

}
