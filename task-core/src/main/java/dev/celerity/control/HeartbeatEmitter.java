package dev.celerity.control;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Sends this instance's heartbeat to the {@link WorkerRegistry} at a fixed interval while the application runs, and
 * removes it when the application stops.
 */
public class HeartbeatEmitter implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(HeartbeatEmitter.class);

	private final WorkerRegistry registry;

	private final Supplier<WorkerHeartbeat> heartbeats;

	private final Duration interval;

	private final Duration timeToLive;

	private ScheduledExecutorService scheduler;

	private volatile WorkerHeartbeat last;

	/**
	 * Creates an emitter.
	 * @param registry where heartbeats go
	 * @param heartbeats builds the current heartbeat
	 * @param interval how often to send one
	 * @param timeToLive how long each stays valid; a few intervals, so one late beat does not mark the instance gone
	 */
	public HeartbeatEmitter(WorkerRegistry registry, Supplier<WorkerHeartbeat> heartbeats, Duration interval,
			Duration timeToLive) {
		this.registry = registry;
		this.heartbeats = heartbeats;
		this.interval = interval;
		this.timeToLive = timeToLive;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "celerity-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleAtFixedRate(this::beat, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler == null) {
			return;
		}
		this.scheduler.shutdownNow();
		this.scheduler = null;
		WorkerHeartbeat heartbeat = this.last;
		if (heartbeat != null) {
			try {
				this.registry.remove(heartbeat.instance().id());
			}
			catch (RuntimeException ex) {
				logger.debug("Could not remove the heartbeat of {}: {}", heartbeat.instance().id(), ex.toString());
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * Stops after the worker, so the instance stays visible while it finishes its tasks.
	 * @return a phase just below the default
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	private void beat() {
		try {
			WorkerHeartbeat heartbeat = this.heartbeats.get();
			this.registry.beat(heartbeat, this.timeToLive);
			this.last = heartbeat;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not send the worker heartbeat: {}", ex.toString());
		}
	}

}
