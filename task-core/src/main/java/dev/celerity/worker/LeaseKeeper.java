package dev.celerity.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.broker.Broker;
import dev.celerity.broker.Delivery;

/**
 * Renews the leases of every message the worker holds, every third of the lease time, so a long task is never
 * redelivered while its worker lives.
 *
 * <p>A message leaves its pool's leased set before it is settled (acknowledged, requeued, dead-lettered, released),
 * so a renewal that fails for a message still in the set means its lease really was lost: another worker may run it.
 */
final class LeaseKeeper {

	private static final Logger logger = LoggerFactory.getLogger(LeaseKeeper.class);

	private final Broker broker;

	private final List<WorkerPool> pools;

	private ScheduledExecutorService scheduler;

	LeaseKeeper(Broker broker, List<WorkerPool> pools) {
		this.broker = broker;
		this.pools = pools;
	}

	void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "celerity-lease-keeper");
			thread.setDaemon(true);
			return thread;
		});
		for (WorkerPool pool : this.pools) {
			Duration lease = pool.settings().lease();
			long period = Math.max(10, lease.toMillis() / 3);
			this.scheduler.scheduleAtFixedRate(() -> renew(pool), period, period, TimeUnit.MILLISECONDS);
		}
	}

	void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

	/**
	 * Renews the leases of a pool's messages once.
	 * @param pool the pool
	 * @return the messages whose lease was lost, each reported in a warning
	 */
	List<Delivery> renew(WorkerPool pool) {
		Duration lease = pool.settings().lease();
		List<Delivery> lost = new ArrayList<>();
		for (Delivery delivery : pool.leased()) {
			try {
				// still held after a failed renewal: not settled meanwhile (that removes it first), so really lost
				if (!this.broker.extendLease(delivery, lease) && pool.leased().contains(delivery)) {
					lost.add(delivery);
					logger.warn("Lease of message {} on queue '{}' was lost; it may run twice", delivery.id(),
							delivery.queue());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not renew the lease of message {}: {}", delivery.id(), ex.toString());
			}
		}
		return lost;
	}

}
