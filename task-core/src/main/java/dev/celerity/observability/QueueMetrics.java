package dev.celerity.observability;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.broker.Broker;
import dev.celerity.broker.QueueStats;

/**
 * Queue gauges that cost nothing per scrape: a background thread reads each known queue's counts from the broker
 * at a fixed interval, and the gauges return the last sample.
 */
public class QueueMetrics implements AutoCloseable {

	/** Gauge of ready messages, tagged {@code queue} and {@code priority}. */
	public static final String DEPTH = "celerity.queue.depth";

	/** Gauge of messages waiting for their ETA, tagged {@code queue}. */
	public static final String DELAYED = "celerity.queue.delayed";

	/** Gauge of dead letters, tagged {@code queue}. */
	public static final String DEAD_LETTERS = "celerity.queue.dead.letters";

	private static final Logger logger = LoggerFactory.getLogger(QueueMetrics.class);

	private final Broker broker;

	private final MeterRegistry registry;

	private final Duration interval;

	private final Set<String> queues = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicLong> samples = new ConcurrentHashMap<>();

	private volatile Supplier<? extends Collection<String>> queueSource = Set::of;

	private ScheduledExecutorService scheduler;

	/**
	 * Creates the gauges' sampler; nothing is read until {@link #start()}.
	 * @param broker the broker to read counts from
	 * @param registry where the gauges go
	 * @param interval how often to read the counts
	 */
	public QueueMetrics(Broker broker, MeterRegistry registry, Duration interval) {
		this.broker = broker;
		this.registry = registry;
		this.interval = interval;
	}

	/**
	 * Adds a queue to sample (idempotent).
	 * @param queue the queue
	 */
	public void track(String queue) {
		if (this.queues.add(queue)) {
			gauge(DELAYED, queue, null);
			gauge(DEAD_LETTERS, queue, null);
		}
	}

	/**
	 * Adds the queues a source names at each sample (for queues known only once the application has started).
	 * @param source the source of queue names
	 */
	public void trackFrom(Supplier<? extends Collection<String>> source) {
		this.queueSource = source;
	}

	/**
	 * Starts sampling in the background.
	 */
	public synchronized void start() {
		if (this.scheduler == null) {
			this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "celerity-queue-metrics");
				thread.setDaemon(true);
				return thread;
			});
			this.scheduler.scheduleWithFixedDelay(this::sample, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Reads every tracked queue's counts once.
	 */
	public void sample() {
		this.queueSource.get().forEach(this::track);
		for (String queue : this.queues) {
			try {
				record(this.broker.stats(queue));
			}
			catch (RuntimeException ex) {
				logger.debug("Could not sample queue '{}': {}", queue, ex.toString());
			}
		}
	}

	@Override
	public synchronized void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	private void record(QueueStats stats) {
		gauge(DELAYED, stats.queue(), null).set(stats.delayed());
		gauge(DEAD_LETTERS, stats.queue(), null).set(stats.deadLetters());
		for (int priority = 0; priority <= 9; priority++) {
			long ready = stats.readyByPriority().getOrDefault(priority, 0L);
			AtomicLong sample = this.samples.get(key(DEPTH, stats.queue(), priority));
			if (sample != null) {
				sample.set(ready);
			}
			else if (ready > 0 || priority == 0) {
				// a gauge per priority that was ever used, so an idle queue exports one series, not ten
				gauge(DEPTH, stats.queue(), priority).set(ready);
			}
		}
	}

	private AtomicLong gauge(String name, String queue, Integer priority) {
		return this.samples.computeIfAbsent(key(name, queue, priority), (key) -> {
			AtomicLong sample = new AtomicLong();
			Tags tags = Tags.of("queue", queue);
			if (priority != null) {
				tags = tags.and("priority", String.valueOf(priority));
			}
			Gauge.builder(name, sample, AtomicLong::doubleValue).tags(tags).register(this.registry);
			return sample;
		});
	}

	private static String key(String name, String queue, Integer priority) {
		return name + '\u0000' + queue + '\u0000' + priority;
	}

}
