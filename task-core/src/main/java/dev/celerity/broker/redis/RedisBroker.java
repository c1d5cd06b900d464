package dev.celerity.broker.redis;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.Assert;

import dev.celerity.broker.Broker;
import dev.celerity.broker.BrokerUnavailableException;
import dev.celerity.broker.DeadLetter;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.QueueStats;
import dev.celerity.broker.redis.QueueWatch.Look;
import dev.celerity.broker.redis.RedisBrokerKeys.QueueKeys;
import dev.celerity.message.MessageCodec;
import dev.celerity.redis.RedisFailures;
import dev.celerity.redis.ScriptCall;
import dev.celerity.redis.ScriptExecutor;

/**
 * The broker on Redis, shared by every application instance that uses the same Redis and key prefix.
 *
 * <p>Every state change of a queue is one Lua script on keys of one hash slot (see {@link RedisBrokerKeys}), called by
 * SHA-1: atomic and one round trip. Consumers of an empty queue block on the queue's wake-up signal (see
 * {@link QueueWatch}), on a connection of their own, for no longer than the next delayed message or lease deadline
 * they know of, so an idle consumer issues one blocking read per wait and nothing else. Leases and due times follow
 * the Redis server's clock.
 */
public class RedisBroker implements Broker, AutoCloseable {

	private static final int SCRIPT_SLICE = 500;

	private final RedisConnectionFactory connectionFactory;

	private final RedisBrokerOptions options;

	private final RedisBrokerKeys keys;

	private final BrokerScripts scripts = new BrokerScripts();

	private final BrokerCalls calls = new BrokerCalls(this.scripts);

	private final ScriptExecutor executor;

	private final WakeUpSignals signals;

	private final QueueWatch watch;

	private final DeadLetterCodec deadLetterCodec;

	private final Clock clock;

	private final ConcurrentMap<String, QueueKeys> queueKeys = new ConcurrentHashMap<>();

	/**
	 * Creates a broker with default options.
	 * @param connectionFactory the application's Redis connection factory
	 */
	public RedisBroker(RedisConnectionFactory connectionFactory) {
		this(connectionFactory, RedisBrokerOptions.defaults(), new MessageCodec(), Clock.systemUTC());
	}

	/**
	 * Creates a broker.
	 * @param connectionFactory the application's Redis connection factory
	 * @param options key prefix and waiting settings
	 * @param codec the codec of dead-letter entries
	 * @param clock the clock that stamps dead letters
	 */
	public RedisBroker(RedisConnectionFactory connectionFactory, RedisBrokerOptions options, MessageCodec codec,
			Clock clock) {
		this.connectionFactory = connectionFactory;
		this.options = options;
		this.keys = new RedisBrokerKeys(options.keyPrefix());
		this.executor = new ScriptExecutor(connectionFactory);
		this.signals = new WakeUpSignals(connectionFactory);
		this.watch = new QueueWatch(this.signals, options);
		this.deadLetterCodec = new DeadLetterCodec(codec);
		this.clock = clock;
	}

	/**
	 * Loads the broker's scripts into the server's script cache ahead of their first call (optional: a missing script
	 * is sent on first use).
	 */
	public void loadScripts() {
		this.executor.load(this.scripts.all());
	}

	/**
	 * Returns the broker's settings.
	 * @return the options
	 */
	public RedisBrokerOptions options() {
		return this.options;
	}

	/**
	 * Returns the key builder, for tools that inspect the broker's keys.
	 * @return the keys
	 */
	public RedisBrokerKeys keys() {
		return this.keys;
	}

	@Override
	public boolean publish(OutboundMessage message) {
		Long stored = unlessUnavailable(message.queue(),
				() -> this.executor.execute(this.calls.publish(queueKeys(message.queue()), List.of(message))));
		this.watch.forget(message.queue());
		return stored != null && stored > 0;
	}

	/**
	 * Stores several messages in one round trip: one script call per queue and slice of 500 messages, pipelined.
	 */
	@Override
	public int publishAll(List<OutboundMessage> messages) {
		Map<String, List<OutboundMessage>> byQueue = new LinkedHashMap<>();
		messages.forEach((message) -> byQueue.computeIfAbsent(message.queue(), (q) -> new ArrayList<>()).add(message));
		List<ScriptCall> batch = new ArrayList<>();
		byQueue.forEach((queue, queued) -> {
			for (int first = 0; first < queued.size(); first += SCRIPT_SLICE) {
				List<OutboundMessage> slice = queued.subList(first, Math.min(queued.size(), first + SCRIPT_SLICE));
				batch.add(this.calls.publish(queueKeys(queue), slice));
			}
		});
		int stored = 0;
		byQueue.keySet().forEach(this.watch::forget);
		for (Object reply : unlessUnavailable(messages.get(0).queue(), () -> this.executor.executeAll(batch))) {
			stored += ((Number) reply).intValue();
		}
		return stored;
	}

	// a connection that is down is told apart, so that a publisher may try again within its publish timeout
	private static <T> T unlessUnavailable(String queue, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			if (RedisFailures.isUnavailable(ex)) {
				throw new BrokerUnavailableException("Redis is unavailable for a publish to queue '" + queue + "': "
						+ ex.getMessage(), ex);
			}
			throw ex;
		}
	}

	@Override
	public List<Delivery> fetch(String queue, int max, Duration lease, Duration maxWait) throws InterruptedException {
		if (max < 1) {
			return List.of();
		}
		QueueKeys keys = queueKeys(queue);
		Look<List<Delivery>> look = interruptible(queue, () -> this.watch.await(queue, keys.wake(), maxWait, () -> {
			FetchReply reply = FetchReply.parse(queue, this.executor.execute(this.calls.fetch(keys, max, lease)));
			return new Look<>(reply.deliveries().isEmpty() ? null : reply.deliveries(), reply.millisUntilDue());
		}));
		return look.found() ? look.value() : List.of();
	}

	/**
	 * Waits on the queue's wake-up signal like {@link #fetch}, looking with a script that promotes due messages and
	 * expired leases but leases nothing. A signal that work was made ready is answered at once, without waiting for
	 * that script.
	 */
	@Override
	public boolean awaitReady(String queue, Duration maxWait) throws InterruptedException {
		QueueKeys keys = queueKeys(queue);
		return interruptible(queue, () -> this.watch.await(queue, keys.wake(), maxWait, () -> {
			Long reply = this.executor.execute(this.calls.checkReady(keys));
			long millisUntilDue = (reply != null) ? reply : -1;
			return new Look<>((millisUntilDue == 0) ? Boolean.TRUE : null, millisUntilDue);
		}, () -> {
			// trusts the signal, so the caller's fetch follows at once; the look still runs, unawaited, and leaves
			// the signal for other consumers while work is ready, in case this one has no room for it
			this.executor.send(this.calls.checkReady(keys));
			return new Look<>(Boolean.TRUE, 0);
		})).found();
	}

	private <T> T interruptible(String queue, Waiting<T> waiting) throws InterruptedException {
		try {
			return waiting.call();
		}
		catch (RuntimeException ex) {
			// the driver reports an interrupted call as its own exception: give the caller the interruption back
			if (Thread.currentThread().isInterrupted() || causedByInterruption(ex)) {
				Thread.interrupted();
				InterruptedException interrupted = new InterruptedException(
						"Interrupted while waiting on queue '" + queue + "'");
				interrupted.initCause(ex);
				throw interrupted;
			}
			throw ex;
		}
	}

	private static boolean causedByInterruption(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof InterruptedException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void ack(Delivery delivery) {
		this.executor.execute(this.calls.ack(queueKeys(delivery.queue()), List.of(delivery)));
	}

	/**
	 * Acknowledges several messages in one round trip: one script call per queue and slice of 500 messages,
	 * pipelined.
	 */
	@Override
	public void ackAll(List<Delivery> deliveries) {
		if (deliveries.size() == 1) {
			ack(deliveries.get(0));
			return;
		}
		Map<String, List<Delivery>> byQueue = new LinkedHashMap<>();
		deliveries.forEach((delivery) -> byQueue.computeIfAbsent(delivery.queue(), (q) -> new ArrayList<>())
			.add(delivery));
		List<ScriptCall> batch = new ArrayList<>();
		byQueue.forEach((queue, queued) -> {
			for (int first = 0; first < queued.size(); first += SCRIPT_SLICE) {
				batch.add(this.calls.ack(queueKeys(queue),
						queued.subList(first, Math.min(queued.size(), first + SCRIPT_SLICE))));
			}
		});
		if (!batch.isEmpty()) {
			this.executor.executeAll(batch);
		}
	}

	@Override
	public boolean extendLease(Delivery delivery, Duration lease) {
		Long extended = this.executor.execute(this.calls.extendLease(queueKeys(delivery.queue()), delivery, lease));
		return extended != null && extended == 1;
	}

	/**
	 * Stores the next attempt and acknowledges the delivery in one script when both are in the same queue; across
	 * queues (two hash slots) it publishes first and acknowledges second, so a crash in between repeats the attempt
	 * rather than losing it.
	 */
	@Override
	public void requeue(Delivery delivery, OutboundMessage next) {
		if (next.queue().equals(delivery.queue())) {
			this.executor.execute(this.calls.requeue(queueKeys(delivery.queue()), delivery, next));
			this.watch.forget(next.queue());
		}
		else {
			publish(next);
			ack(delivery);
		}
	}

	@Override
	public void release(Delivery delivery) {
		this.executor.execute(this.calls.release(queueKeys(delivery.queue()), delivery));
		this.watch.forget(delivery.queue());
	}

	@Override
	public void deadLetter(Delivery delivery, String reason) {
		byte[] entry = this.deadLetterCodec.encode(delivery.id(), reason, this.clock.instant(), delivery.body());
		this.executor.execute(this.calls.deadLetter(queueKeys(delivery.queue()), delivery, entry));
	}

	@Override
	public List<DeadLetter> deadLetters(String queue, int max) {
		if (max < 1) {
			return List.of();
		}
		List<byte[]> entries;
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			entries = connection.listCommands().lRange(bytes(queueKeys(queue).deadLetters()), 0, max - 1);
		}
		if (entries == null) {
			return List.of();
		}
		return entries.stream()
			.map((entry) -> this.deadLetterCodec.decode(queue, entry))
			.flatMap(Optional::stream)
			.toList();
	}

	@Override
	public long depth(String queue) {
		Long count = this.executor.execute(this.calls.countWaiting(queueKeys(queue)));
		return (count != null) ? count : 0;
	}

	@Override
	public long purge(String queue) {
		Long removed = this.executor.execute(this.calls.purge(queueKeys(queue)));
		return (removed != null) ? removed : 0;
	}

	/**
	 * Counts the queue's messages by kind in one script call (ready by priority, delayed, leased, dead letters).
	 */
	@Override
	public QueueStats stats(String queue) {
		List<?> counts = this.executor.execute(this.calls.stats(queueKeys(queue)));
		Map<Integer, Long> ready = new LinkedHashMap<>();
		for (int priority = 0; priority < 10; priority++) {
			long count = ((Number) counts.get(priority)).longValue();
			if (count > 0) {
				ready.put(priority, count);
			}
		}
		return new QueueStats(queue, ready, ((Number) counts.get(10)).longValue(),
				((Number) counts.get(11)).longValue(), ((Number) counts.get(12)).longValue());
	}

	/**
	 * Moves dead letters back into the queue in one script call, so two operators replaying at once never run a
	 * dead letter twice.
	 */
	@Override
	public int replayDeadLetters(String queue, int max) {
		if (max < 1) {
			return 0;
		}
		Long replayed = this.executor.execute(this.calls.replayDeadLetters(queueKeys(queue), max));
		if (replayed != null && replayed > 0) {
			this.watch.forget(queue);
		}
		return (replayed != null) ? replayed.intValue() : 0;
	}

	/**
	 * Closes the connections kept for blocking reads.
	 */
	@Override
	public void close() {
		this.signals.close();
	}

	private QueueKeys queueKeys(String queue) {
		Assert.hasText(queue, "Queue must not be empty");
		QueueKeys existing = this.queueKeys.get(queue);
		return (existing != null) ? existing : this.queueKeys.computeIfAbsent(queue, this.keys::queue);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	@FunctionalInterface
	private interface Waiting<T> {

		T call() throws InterruptedException;

	}

}
