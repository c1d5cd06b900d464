package dev.celerity.control.redis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;

/**
 * Appends every task event of the cluster to one capped Redis stream that a dashboard can read with
 * {@code XRANGE}/{@code XREAD}.
 *
 * <p>Events are queued and appended by a writer thread of its own: each write takes what queued up since the
 * previous one and appends it as one stream entry (a {@code count} field and an {@code events} field holding a JSON
 * array of the events, each with its time), so that publishing an event never waits for Redis. The writer writes at
 * most once every two milliseconds, so a busy worker pays one {@code XADD} for many events, while an idle one still
 * appends each event at once. Each append trims the stream so that it keeps about the configured number of events,
 * whatever the number per entry. The stream is a monitoring aid, not a record: when Redis cannot keep up and the
 * queue is full, further events are dropped (and counted) rather than slowing the tasks down.
 *
 * <p>Which event types are appended can be chosen (all by default).
 */
public class RedisTaskEventStream implements TaskEventListener, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisTaskEventStream.class);

	private static final int QUEUE_CAPACITY = 16_384;

	private static final int MAX_EVENTS_PER_ENTRY = 256;

	private static final long IDLE_POLL_MILLIS = 200;

	// at most one write per interval: a busy writer gathers the events of about two milliseconds into one entry
	private static final long MIN_WRITE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

	private static final List<String> ALL_TYPES = Arrays.stream(TaskEvent.class.getPermittedSubclasses())
		.map(Class::getSimpleName)
		.toList();

	private final StringRedisTemplate redis;

	private final String key;

	private final EventStreamRetention retention;

	private final Clock clock;

	private final BlockingQueue<Map<String, Object>> pending = new LinkedBlockingQueue<>(QUEUE_CAPACITY);

	private final AtomicLong dropped = new AtomicLong();

	private final Set<String> types;

	private final String instance;

	private final Thread writer;

	private volatile boolean closed;

	/**
	 * Creates the stream writer and starts its thread.
	 * @param redis the Redis access
	 * @param prefix the key prefix shared by Celerity's keys
	 * @param maxLength about how many events the stream keeps
	 */
	public RedisTaskEventStream(StringRedisTemplate redis, String prefix, long maxLength) {
		this(redis, prefix, maxLength, allTypes());
	}

	/**
	 * Creates the stream writer for some event types and starts its thread.
	 * @param redis the Redis access
	 * @param prefix the key prefix shared by Celerity's keys
	 * @param maxLength about how many events the stream keeps
	 * @param types the simple names of the event types to append ({@code TaskSucceeded}, ...; see {@link #allTypes()})
	 * @throws IllegalArgumentException if a name is not an event type
	 */
	public RedisTaskEventStream(StringRedisTemplate redis, String prefix, long maxLength, Collection<String> types) {
		this(redis, prefix, maxLength, types, null);
	}

	/**
	 * Creates the stream writer of one instance for some event types and starts its thread.
	 * @param redis the Redis access
	 * @param prefix the key prefix shared by Celerity's keys
	 * @param maxLength about how many events the stream keeps
	 * @param types the simple names of the event types to append ({@code TaskSucceeded}, ...; see {@link #allTypes()})
	 * @param instance the id of this instance, written with its entries so a reader can tell where a task ran;
	 * {@code null} to leave it out
	 * @throws IllegalArgumentException if a name is not an event type
	 */
	public RedisTaskEventStream(StringRedisTemplate redis, String prefix, long maxLength, Collection<String> types,
			String instance) {
		List<String> unknown = types.stream().filter((type) -> !allTypes().contains(type)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Unknown task event types " + unknown + "; known: " + allTypes());
		}
		this.types = Set.copyOf(types);
		this.instance = instance;
		this.redis = redis;
		this.key = new ControlKeys(prefix).events();
		this.retention = new EventStreamRetention(maxLength);
		this.clock = Clock.systemUTC();
		this.writer = new Thread(this::writeLoop, "celerity-event-stream");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Returns the stream's key.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Returns the simple names of every task event type, in declaration order.
	 * @return the event type names
	 */
	public static List<String> allTypes() {
		return ALL_TYPES;
	}

	/**
	 * Returns the event types this stream appends.
	 * @return their simple names
	 */
	public Set<String> types() {
		return this.types;
	}

	/**
	 * Returns how many events were dropped because the queue was full or the stream closed.
	 * @return the dropped count
	 */
	public long droppedCount() {
		return this.dropped.get();
	}

	@Override
	public void onEvent(TaskEvent event) {
		if (!this.types.contains(event.getClass().getSimpleName())) {
			return;
		}
		if (this.closed || !this.pending.offer(EventStreamEntry.event(event, this.clock.millis()))) {
			this.dropped.incrementAndGet();
		}
	}

	/**
	 * Appends the events still queued and stops the writer thread.
	 */
	@Override
	public void close() {
		this.closed = true;
		try {
			this.writer.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void writeLoop() {
		List<Map<String, Object>> batch = new ArrayList<>(MAX_EVENTS_PER_ENTRY);
		long lastWrite = System.nanoTime() - MIN_WRITE_INTERVAL_NANOS;
		while (!this.closed || !this.pending.isEmpty()) {
			try {
				// waits a little at a time, so that closing is noticed without interrupting a write
				Map<String, Object> first = this.pending.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
			}
			catch (InterruptedException ex) {
				return;
			}
			// an event after a quiet spell goes at once; one soon after the last write waits for what comes with it
			long sinceLastWrite = System.nanoTime() - lastWrite;
			if (sinceLastWrite < MIN_WRITE_INTERVAL_NANOS && !this.closed) {
				LockSupport.parkNanos(MIN_WRITE_INTERVAL_NANOS - sinceLastWrite);
			}
			this.pending.drainTo(batch, MAX_EVENTS_PER_ENTRY - 1);
			lastWrite = System.nanoTime();
			append(batch);
			batch.clear();
		}
	}

	private void append(List<Map<String, Object>> events) {
		try {
			XAddOptions trim = XAddOptions.maxlen(this.retention.entriesToKeep(events.size()));
			this.redis.opsForStream().add(this.key, EventStreamEntry.of(events, this.instance), trim);
		}
		catch (RuntimeException ex) {
			this.dropped.addAndGet(events.size());
			logger.debug("Could not append {} events to the event stream: {}", events.size(), ex.toString());
		}
	}

}
