package dev.celerity.worker;

import java.time.Duration;
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
			this.scheduler.scheduleAtFixedRate(() -> renew(pool, lease), period, period, TimeUnit.MILLISECONDS);
		}
	}

	void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

	private void renew(WorkerPool pool, Duration lease) {
		for (Delivery delivery : pool.leased()) {
			try {
				if (!this.broker.extendLease(delivery, lease) && pool.leased().contains(delivery)) {
					logger.warn("Lease of message {} on queue '{}' was lost; it may run twice", delivery.id(),
							delivery.queue());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not renew the lease of message {}: {}", delivery.id(), ex.toString());
			}
		}
	}

}
