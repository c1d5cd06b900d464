package dev.celerity.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.broker.Broker;
import dev.celerity.broker.Delivery;

/**
 * A group of queues consumed with one executor: one fetching thread per queue leases messages in batches while the
 * pool has room (running plus prefetched), and hands them to the executor.
 */
public class WorkerPool {

	private static final Logger logger = LoggerFactory.getLogger(WorkerPool.class);

	private final WorkerPoolSettings settings;

	private final Broker broker;

	private final TaskRunner runner;

	private final Semaphore room;

	private final Set<Delivery> leased = ConcurrentHashMap.newKeySet();

	private final List<Thread> fetchers = new ArrayList<>();

	private volatile boolean running;

	private ThreadPoolExecutor executor;

	/**
	 * Creates a pool; it consumes nothing until started.
	 * @param settings the pool's settings
	 * @param broker the broker to fetch from
	 * @param runner what runs each message
	 */
	public WorkerPool(WorkerPoolSettings settings, Broker broker, TaskRunner runner) {
		this.settings = settings;
		this.broker = broker;
		this.runner = runner;
		this.room = new Semaphore(settings.concurrency() + settings.prefetch());
	}

	/**
	 * Starts the executor and one fetching thread per queue.
	 */
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		int threads = this.settings.concurrency();
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
				WorkerThreads.factory("celerity-" + this.settings.name() + "-", this.settings.virtualThreads()));
		for (String queue : this.settings.queues()) {
			Thread fetcher = new Thread(() -> fetchLoop(queue), "celerity-fetch-" + this.settings.name() + "-" + queue);
			fetcher.setDaemon(true);
			this.fetchers.add(fetcher);
			fetcher.start();
		}
		logger.info("Celerity worker pool '{}' consuming {} with concurrency {}, prefetch {}, {} threads",
				this.settings.name(), this.settings.queues(), this.settings.concurrency(), this.settings.prefetch(),
				(this.settings.virtualThreads() && WorkerThreads.virtualThreadsAvailable()) ? "virtual" : "platform");
	}

	/**
	 * Stops fetching, gives unstarted messages back to the broker and waits for running tasks to finish.
	 * @param timeoutMillis how long running tasks may take to finish; after that they are interrupted and their
	 * messages given back
	 */
	public void stop(long timeoutMillis) {
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.running = false;
		}
		this.fetchers.forEach(Thread::interrupt);
		for (Thread fetcher : this.fetchers) {
			joinQuietly(fetcher);
		}
		this.fetchers.clear();
		List<Runnable> unstarted = new ArrayList<>();
		this.executor.getQueue().drainTo(unstarted);
		unstarted.forEach((job) -> giveBack(((DeliveryJob) job).delivery));
		this.executor.shutdown();
		if (!awaitQuietly(timeoutMillis)) {
			logger.warn("Celerity worker pool '{}': tasks still running after {} ms; interrupting them",
					this.settings.name(), timeoutMillis);
			// give the messages back first, so whatever the interrupted tasks do next cannot settle them
			this.leased.forEach(this::giveBack);
			this.executor.shutdownNow();
			awaitQuietly(1000);
		}
	}

	/**
	 * Returns the messages this pool holds leases on (running or waiting to run), for lease renewal.
	 * @return the leased messages
	 */
	public Set<Delivery> leased() {
		return this.leased;
	}

	/**
	 * Returns the pool's settings.
	 * @return the settings
	 */
	public WorkerPoolSettings settings() {
		return this.settings;
	}

	/**
	 * Returns how many tasks are running right now.
	 * @return the active count
	 */
	public int activeCount() {
		ThreadPoolExecutor current = this.executor;
		return (current != null) ? current.getActiveCount() : 0;
	}

	private void fetchLoop(String queue) {
		int batch = this.settings.concurrency() + this.settings.prefetch();
		while (this.running) {
			try {
				this.room.acquire();
			}
			catch (InterruptedException ex) {
				return;
			}
			try {
				dispatch(this.broker.fetch(queue, Math.min(batch, 1 + this.room.availablePermits()),
						this.settings.lease(), this.settings.fetchWait()));
			}
			catch (InterruptedException ex) {
				this.room.release();
				return;
			}
			catch (RuntimeException ex) {
				this.room.release();
				logger.warn("Celerity worker pool '{}' could not fetch from queue '{}': {}", this.settings.name(),
						queue, ex.toString());
				if (!pauseAfterFailure()) {
					return;
				}
			}
		}
	}

	private boolean pauseAfterFailure() {
		try {
			Thread.sleep(1000);
			return true;
		}
		catch (InterruptedException ex) {
			return false;
		}
	}

	private void dispatch(List<Delivery> deliveries) {
		if (deliveries.isEmpty()) {
			this.room.release();
			return;
		}
		if (deliveries.size() > 1) {
			// the room for the first was taken before fetching; take the rest now
			this.room.acquireUninterruptibly(deliveries.size() - 1);
		}
		for (Delivery delivery : deliveries) {
			this.leased.add(delivery);
			if (this.running) {
				this.executor.execute(new DeliveryJob(delivery));
			}
			else {
				giveBack(delivery);
			}
		}
	}

	private void giveBack(Delivery delivery) {
		if (this.leased.remove(delivery)) {
			this.broker.release(delivery);
			this.room.release();
		}
	}

	private boolean awaitQuietly(long millis) {
		try {
			return this.executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void joinQuietly(Thread thread) {
		try {
			thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private final class DeliveryJob implements Runnable {

		private final Delivery delivery;

		DeliveryJob(Delivery delivery) {
			this.delivery = delivery;
		}

		@Override
		public void run() {
			try {
				WorkerPool.this.runner.run(this.delivery);
			}
			catch (RuntimeException | Error ex) {
				logger.error("Celerity worker failed to settle message {}; its lease will return it",
						this.delivery.id(), ex);
			}
			finally {
				if (WorkerPool.this.leased.remove(this.delivery)) {
					WorkerPool.this.room.release();
				}
			}
		}

	}

}
