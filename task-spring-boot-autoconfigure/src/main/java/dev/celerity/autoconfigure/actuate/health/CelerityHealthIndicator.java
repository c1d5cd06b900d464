package dev.celerity.autoconfigure.actuate.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.celerity.broker.Broker;
import dev.celerity.broker.QueueStats;
import dev.celerity.control.WorkerHeartbeat;
import dev.celerity.control.WorkerRegistry;

/**
 * The health of Celerity: {@code DOWN} when the broker cannot be reached, or, if workers are required, when a queue
 * holds ready messages that no live worker consumes; the configured backlog status (default {@code OUT_OF_SERVICE})
 * when a queue holds more waiting messages than its threshold; {@code UP} otherwise. A queue without a live worker
 * but without ready messages (one nobody publishes to, or whose work is only delayed) is listed, never {@code DOWN}:
 * nothing is stuck yet. Details list the broker latency, the live workers and each queue's counts.
 *
 * <p>The broker and the worker registry are asked on a thread of the indicator's own, for at most the configured
 * timeout: a broker that does not answer in time makes the health {@code DOWN} then, rather than holding the health
 * request until the client's command timeout.
 */
public class CelerityHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

	/** How long a check waits for the broker unless told otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final Broker broker;

	private final WorkerRegistry workers;

	private final Supplier<Set<String>> queues;

	private final Map<String, Long> backlogThresholds;

	private final Status backlogStatus;

	private final boolean requireWorkers;

	private final Duration timeout;

	private final ExecutorService checks = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "celerity-health");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Creates the indicator.
	 * @param broker the broker
	 * @param workers the live workers
	 * @param queues the queues to check
	 * @param backlogThresholds the most waiting messages each queue may hold before it counts as backlogged
	 * @param backlogStatus the status of a backlogged queue
	 * @param requireWorkers whether a queue with ready messages and no live worker is {@code DOWN}; off for an
	 * instance that only publishes, whose health must not depend on workers elsewhere
	 */
	public CelerityHealthIndicator(Broker broker, WorkerRegistry workers, Supplier<Set<String>> queues,
			Map<String, Long> backlogThresholds, Status backlogStatus, boolean requireWorkers) {
		this(broker, workers, queues, backlogThresholds, backlogStatus, requireWorkers, DEFAULT_TIMEOUT);
	}

	/**
	 * Creates the indicator.
	 * @param broker the broker
	 * @param workers the live workers
	 * @param queues the queues to check
	 * @param backlogThresholds the most waiting messages each queue may hold before it counts as backlogged
	 * @param backlogStatus the status of a backlogged queue
	 * @param requireWorkers whether a queue with ready messages and no live worker is {@code DOWN}
	 * @param timeout how long a check waits for the broker and the worker registry before it answers {@code DOWN}
	 */
	public CelerityHealthIndicator(Broker broker, WorkerRegistry workers, Supplier<Set<String>> queues,
			Map<String, Long> backlogThresholds, Status backlogStatus, boolean requireWorkers, Duration timeout) {
		super("Celerity health check failed");
		this.timeout = timeout;
		this.broker = broker;
		this.workers = workers;
		this.queues = queues;
		this.backlogThresholds = Map.copyOf(backlogThresholds);
		this.backlogStatus = backlogStatus;
		this.requireWorkers = requireWorkers;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		Future<Snapshot> pending = this.checks.submit(this::snapshot);
		Snapshot snapshot;
		try {
			snapshot = pending.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			pending.cancel(true);
			builder.down().withDetail("error", "The broker did not answer within " + this.timeout.toMillis() + "ms");
			return;
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
		report(builder, snapshot);
	}

	/**
	 * Stops the thread the checks run on.
	 */
	@Override
	public void close() {
		this.checks.shutdownNow();
	}

	private Snapshot snapshot() {
		long start = System.nanoTime();
		List<QueueStats> stats = new ArrayList<>();
		for (String queue : this.queues.get()) {
			stats.add(this.broker.stats(queue));
		}
		Duration latency = Duration.ofNanos((System.nanoTime() - start) / Math.max(1, stats.size()));
		return new Snapshot(stats, latency, this.workers.live());
	}

	private void report(Health.Builder builder, Snapshot snapshot) {
		List<QueueStats> stats = snapshot.stats();
		Duration latency = snapshot.latency();
		List<WorkerHeartbeat> live = snapshot.live();
		List<String> unserved = new ArrayList<>();
		List<String> stalled = new ArrayList<>();
		List<String> backlogged = new ArrayList<>();
		Map<String, Object> queueDetails = new LinkedHashMap<>();
		for (QueueStats queue : stats) {
			long consumers = live.stream().filter((beat) -> beat.queues().contains(queue.queue())).count();
			Long threshold = this.backlogThresholds.get(queue.queue());
			if (consumers == 0) {
				unserved.add(queue.queue());
				if (queue.ready() > 0) {
					stalled.add(queue.queue());
				}
			}
			if (threshold != null && queue.depth() > threshold) {
				backlogged.add(queue.queue());
			}
			queueDetails.put(queue.queue(), queueDetail(queue, consumers, threshold));
		}
		builder.status(status(stalled, backlogged))
			.withDetail("broker", Map.of("latency", latency.toMillis() + "ms"))
			.withDetail("workers", live.stream().map(CelerityHealthIndicator::workerDetail).toList())
			.withDetail("queues", queueDetails);
		if (!unserved.isEmpty()) {
			builder.withDetail("queuesWithoutWorkers", unserved);
		}
		if (!stalled.isEmpty()) {
			builder.withDetail("stalledQueues", stalled);
		}
		if (!backlogged.isEmpty()) {
			builder.withDetail("backloggedQueues", backlogged);
		}
	}

	private Status status(List<String> stalled, List<String> backlogged) {
		if (this.requireWorkers && !stalled.isEmpty()) {
			return Status.DOWN;
		}
		return backlogged.isEmpty() ? Status.UP : this.backlogStatus;
	}

	private static Map<String, Object> queueDetail(QueueStats queue, long consumers, Long threshold) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("depth", queue.depth());
		detail.put("ready", queue.ready());
		detail.put("delayed", queue.delayed());
		detail.put("deadLetters", queue.deadLetters());
		detail.put("workers", consumers);
		if (threshold != null) {
			detail.put("backlogThreshold", threshold);
		}
		return detail;
	}

	private static Map<String, Object> workerDetail(WorkerHeartbeat beat) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("id", beat.instance().id());
		detail.put("queues", beat.queues());
		detail.put("active", beat.active());
		detail.put("processed", beat.processed());
		detail.put("lastHeartbeat", beat.at().toString());
		return detail;
	}

	private record Snapshot(List<QueueStats> stats, Duration latency, List<WorkerHeartbeat> live) {

	}

}
