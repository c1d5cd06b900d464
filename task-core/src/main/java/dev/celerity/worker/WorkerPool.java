package dev.celerity.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.broker.Broker;
import dev.celerity.broker.Delivery;

/**
 * A group of queues consumed with one executor: one fetching thread per queue leases messages in batches while the
 * pool has room (running plus prefetched), and hands them to the executor.
 *
 * <p>A fetching thread waits for ready work on its queue before it takes room, and takes room only to lease without
 * waiting, so the room is never held by a queue that has nothing to run however many queues the pool consumes.
 */
public class WorkerPool {

	private static final Logger logger = LoggerFactory.getLogger(WorkerPool.class);

	private final WorkerPoolSettings settings;

	private final Broker broker;

	private final TaskRunner runner;

	private final DeliverySettler settler;

	private final PoolRoom room;

	private final QueuePauses pauses;

	private final AtomicLong processed = new AtomicLong();

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
		this(settings, broker, runner, new QueuePauses());
	}

	/**
	 * Creates a pool whose queues can be paused; it consumes nothing until started.
	 * @param settings the pool's settings
	 * @param broker the broker to fetch from
	 * @param runner what runs each message
	 * @param pauses the queues this instance does not fetch from now
	 */
	public WorkerPool(WorkerPoolSettings settings, Broker broker, TaskRunner runner, QueuePauses pauses) {
		this.pauses = pauses;
		this.settings = settings;
		this.broker = broker;
		this.runner = runner;
		this.settler = runner.settler();
		// every queue with ready work gets room in the order its fetcher asked for it
		this.room = new PoolRoom(settings.concurrency() + settings.prefetch());
		// a message leaves the leased set before it is settled, so a lease renewal never takes it for a lost lease
		this.settler.onSettling(this::settling);
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
			// not a daemon: like a web server, a running worker keeps a worker-only application alive
			fetcher.setDaemon(false);
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

	/**
	 * Returns how many messages this pool has finished running since it started.
	 * @return the processed count
	 */
	public long processedCount() {
		return this.processed.get();
	}

	/**
	 * Returns the queues of this pool that are paused now.
	 * @return the paused queues
	 */
	public List<String> pausedQueues() {
		return this.settings.queues().stream().filter(this.pauses::isPaused).toList();
	}

	private void fetchLoop(String queue) {
		int batch = this.settings.concurrency() + this.settings.prefetch();
		// look once at start-up: the queue may hold work from before
		boolean workLikely = true;
		while (this.running) {
			try {
				if (this.pauses.isPaused(queue)) {
					this.pauses.awaitResumed(queue, this.settings.fetchWait());
				}
				else if (workLikely) {
					workLikely = fetchOnce(queue, batch);
				}
				else {
					// waits for work holding no room, so an idle queue never keeps room from a busy one
					workLikely = this.broker.awaitReady(queue, this.settings.fetchWait());
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Celerity worker pool '{}' could not fetch from queue '{}': {}", this.settings.name(),
						queue, ex.toString());
				if (!pauseAfterFailure()) {
					return;
				}
			}
		}
	}

	/**
	 * Takes room, then leases what is ready without waiting.
	 * @return whether the queue probably has more ready work (it filled the room taken)
	 */
	private boolean fetchOnce(String queue, int batch) throws InterruptedException {
		int held = takeRoom(batch);
		List<Delivery> deliveries;
		try {
			deliveries = this.broker.fetch(queue, held, this.settings.lease(), Duration.ZERO);
		}
		catch (InterruptedException | RuntimeException ex) {
			this.room.release(held);
			throw ex;
		}
		dispatch(deliveries, held);
		return deliveries.size() == held;
	}

	/**
	 * Waits for room for the next fetch, holding none while it waits: room for a batch (half the pool's room) when
	 * the pool has messages waiting to run, so that a busy queue is fetched in batches rather than one message per
	 * finished task, which costs a broker round trip and a wake-up each; otherwise one slot. Room that is free beyond
	 * that, up to the pool's room, is taken too.
	 */
	private int takeRoom(int batch) throws InterruptedException {
		int refill = batch / 2;
		if (refill > 1 && !this.executor.getQueue().isEmpty()) {
			int held = this.room.take(refill, batch, this.settings.fetchWait().toNanos());
			if (held > 0) {
				return held;
			}
		}
		return this.room.take(1, batch, Long.MAX_VALUE);
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

	private void dispatch(List<Delivery> deliveries, int held) {
		if (deliveries.size() < held) {
			this.room.release(held - deliveries.size());
		}
		for (Delivery delivery : deliveries) {
			this.leased.add(delivery);
			// a queue paused while this fetch was waiting gets its messages back unstarted
			if (this.running && !this.pauses.isPaused(delivery.queue())) {
				this.executor.execute(new DeliveryJob(delivery));
			}
			else {
				giveBack(delivery);
			}
		}
	}

	private void settling(Delivery delivery) {
		if (this.leased.remove(delivery)) {
			this.room.release(1);
		}
	}

	private void giveBack(Delivery delivery) {
		// claimed first, so that a message its task settles meanwhile is not given back too
		if (this.leased.remove(delivery)) {
			this.settler.release(delivery);
			this.room.release(1);
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
			// a message waiting in the settler's batch keeps its room (and its lease) until it is written, so finished
			// but unsettled messages never outnumber the pool's room; any other message the run leaves unsettled
			// (it failed, or gave up on an unavailable broker) leaves the room now, and its lease returns it
			try {
				WorkerPool.this.runner.run(this.delivery);
			}
			catch (RuntimeException | Error ex) {
				logger.error("Celerity worker failed to settle message {}; its lease will return it",
						this.delivery.id(), ex);
			}
			finally {
				WorkerPool.this.processed.incrementAndGet();
				if (!WorkerPool.this.settler.isQueued(this.delivery)) {
					settling(this.delivery);
				}
			}
		}

	}

}
