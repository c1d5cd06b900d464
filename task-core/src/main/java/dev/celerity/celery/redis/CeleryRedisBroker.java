package dev.celerity.celery.redis;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisListCommands.Direction;
import org.springframework.data.redis.connection.ReturnType;

import dev.celerity.broker.Broker;
import dev.celerity.broker.DeadLetter;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.QueueStats;
import dev.celerity.celery.CeleryMessageCodec;
import dev.celerity.celery.CeleryMessageRefusedException;
import dev.celerity.celery.CeleryPriority;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.TaskMessage;
import dev.celerity.redis.LuaScript;
import dev.celerity.redis.ScriptCall;
import dev.celerity.redis.ScriptExecutor;

/**
 * The broker on kombu's Redis layout, so that Python Celery producers and workers share its queues: messages are
 * Celery protocol 2 envelopes, LPUSHed onto the queue's list of their priority step and popped from the right,
 * step 0 first, as kombu does.
 *
 * <p>What a Celerity worker holds is under Celerity's own leases (see {@code fetchCeleryMessages.lua}), not in
 * kombu's {@code unacked} keys: a Python worker never restores a message a Celerity worker runs, and a Celerity
 * worker that dies has its messages put back on their list when their lease runs out. A message taken before its
 * {@code eta} is parked in a sorted set of Celerity's and put back when due, never held in worker memory. Pickle and
 * other non-JSON payloads are dead-lettered with the reason, never deserialized.
 *
 * <p>An idle consumer waits on the queue's step-0 list with a non-destructive {@code BLMOVE} of the list onto itself
 * (it wakes as soon as a message arrives there) and looks at the other steps, parked messages and leases at least
 * every {@code idlePoll}.
 */
public class CeleryRedisBroker implements Broker {

	private static final Logger logger = LoggerFactory.getLogger(CeleryRedisBroker.class);

	private static final LuaScript FETCH = LuaScript.load(CeleryRedisBroker.class, "fetchCeleryMessages");

	private static final LuaScript SETTLE = LuaScript.load(CeleryRedisBroker.class, "settleCeleryMessage");

	private static final Duration SHORTEST_WAIT = Duration.ofMillis(10);

	private final RedisConnectionFactory connectionFactory;

	private final ScriptExecutor executor;

	private final MessageCodec codec;

	private final CeleryMessageCodec celeryCodec;

	private final CeleryChordSizes chordSizes;

	private final String keyPrefix;

	private final Duration idlePoll;

	private final Clock clock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ConcurrentMap<String, CeleryQueueKeys> keys = new ConcurrentHashMap<>();

	/**
	 * Creates a broker.
	 * @param connectionFactory the application's Redis connection factory (a single Redis, not a cluster)
	 * @param codec Celerity's codec, in which deliveries reach the worker
	 * @param celeryCodec the Celery envelope codec
	 * @param keyPrefix the prefix of Celerity's own keys (leases, parked messages, dead letters)
	 * @param idlePoll the longest an idle consumer waits before it looks at every step again
	 * @param clock the clock that decides whether an eta has come and stamps dead letters
	 */
	public CeleryRedisBroker(RedisConnectionFactory connectionFactory, MessageCodec codec,
			CeleryMessageCodec celeryCodec, String keyPrefix, Duration idlePoll, Clock clock) {
		this.connectionFactory = connectionFactory;
		this.executor = new ScriptExecutor(connectionFactory);
		this.codec = codec;
		this.celeryCodec = celeryCodec;
		this.chordSizes = new CeleryChordSizes(connectionFactory);
		this.keyPrefix = keyPrefix;
		this.idlePoll = idlePoll;
		this.clock = clock;
	}

	/**
	 * Returns the keys of a queue.
	 * @param queue the queue
	 * @return its keys
	 */
	public CeleryQueueKeys keys(String queue) {
		return this.keys.computeIfAbsent(queue, (q) -> CeleryQueueKeys.of(this.keyPrefix, q));
	}

	@Override
	public boolean publish(OutboundMessage message) {
		TaskMessage task = this.codec.decode(message.body());
		byte[] envelope = this.celeryCodec.encode(task, message.queue(), message.priority(), message.readyAt());
		this.chordSizes.registerHeader(task);
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.listCommands().lPush(bytes(keys(message.queue()).listFor(message.priority())), envelope);
		}
		return true;
	}

	@Override
	public List<Delivery> fetch(String queue, int max, Duration lease, Duration maxWait) throws InterruptedException {
		if (max < 1) {
			return List.of();
		}
		Instant deadline = this.clock.instant().plus(maxWait);
		while (true) {
			List<?> reply = this.executor.execute(ScriptCall.of(FETCH, ReturnType.MULTI, keys(queue).fetchKeys(),
					Integer.toString(max), Long.toString(Math.max(1, lease.toMillis())), UUID.randomUUID().toString()));
			List<Delivery> deliveries = deliveries(queue, reply);
			if (!deliveries.isEmpty()) {
				return deliveries;
			}
			if (reply.size() == 1 && !idle(queue, deadline, ((Number) reply.get(0)).longValue())) {
				return List.of();
			}
		}
	}

	@Override
	public boolean awaitReady(String queue, Duration maxWait) throws InterruptedException {
		Instant deadline = this.clock.instant().plus(maxWait);
		while (true) {
			List<?> reply = this.executor.execute(ScriptCall.of(FETCH, ReturnType.MULTI, keys(queue).fetchKeys(), "0",
					"1", "look"));
			long untilDue = ((Number) reply.get(0)).longValue();
			if (untilDue == 0) {
				return true;
			}
			if (!idle(queue, deadline, untilDue)) {
				return false;
			}
		}
	}

	// waits for a message on the step-0 list, at most until the deadline, the next due time or the idle poll
	private boolean idle(String queue, Instant deadline, long millisUntilDue) throws InterruptedException {
		Duration remaining = Duration.between(this.clock.instant(), deadline);
		if (remaining.compareTo(SHORTEST_WAIT) < 0) {
			return false;
		}
		Duration wait = (remaining.compareTo(this.idlePoll) < 0) ? remaining : this.idlePoll;
		if (millisUntilDue >= 0 && millisUntilDue < wait.toMillis()) {
			wait = Duration.ofMillis(Math.max(millisUntilDue, SHORTEST_WAIT.toMillis()));
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		byte[] list = bytes(keys(queue).lists().get(0));
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			// the element leaves and re-enters the same end of the same list atomically: a look that blocks
			connection.listCommands().bLMove(list, list, Direction.RIGHT, Direction.RIGHT, wait.toMillis() / 1000.0);
		}
		catch (RuntimeException ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw new InterruptedException();
			}
			throw ex;
		}
		return true;
	}

	private List<Delivery> deliveries(String queue, List<?> reply) {
		List<Delivery> deliveries = new ArrayList<>();
		for (int i = 1; i + 2 < reply.size(); i += 3) {
			String token = text(reply.get(i));
			byte[] envelope = (byte[]) reply.get(i + 2);
			Delivery delivery = delivery(queue, token, envelope);
			if (delivery != null) {
				deliveries.add(delivery);
			}
		}
		return deliveries;
	}

	private Delivery delivery(String queue, String token, byte[] envelope) {
		CeleryQueueKeys queueKeys = keys(queue);
		TaskMessage message;
		try {
			message = this.celeryCodec.decode(envelope, queue);
		}
		catch (CeleryMessageRefusedException ex) {
			logger.warn("Dead-lettering a message of Celery queue '{}': {}", queue, ex.getMessage());
			settle(queueKeys, token, "dead", queueKeys.deadLetters(), deadLetterHead(null, ex.getMessage()), "body");
			return null;
		}
		Instant eta = message.headers().eta();
		if (eta != null && eta.isAfter(this.clock.instant().plus(SHORTEST_WAIT))) {
			settle(queueKeys, token, "park", queueKeys.parked(), Long.toString(eta.toEpochMilli()), "");
			return null;
		}
		return new Delivery(message.id(), queue, message.delivery().priority(), this.codec.encode(message), token,
				false);
	}

	private boolean settle(CeleryQueueKeys queueKeys, String token, String mode, String target, String argument,
			String field) {
		Long held = this.executor.execute(ScriptCall.of(SETTLE, ReturnType.INTEGER,
				List.of(queueKeys.leases(), queueKeys.inFlight(), target), token, mode, argument, field));
		return held != null && held == 1L;
	}

	private String deadLetterHead(String id, String reason) {
		Map<String, Object> head = new LinkedHashMap<>();
		head.put("id", (id != null) ? id : "");
		head.put("reason", reason);
		head.put("at", this.clock.millis());
		return this.mapper.writeValueAsString(head);
	}

	@Override
	public void ack(Delivery delivery) {
		CeleryQueueKeys queueKeys = keys(delivery.queue());
		settle(queueKeys, delivery.leaseToken(), "ack", queueKeys.leases(), "", "");
	}

	@Override
	public boolean extendLease(Delivery delivery, Duration lease) {
		CeleryQueueKeys queueKeys = keys(delivery.queue());
		return settle(queueKeys, delivery.leaseToken(), "extend", queueKeys.leases(),
				Long.toString(Math.max(1, lease.toMillis())), "");
	}

	/**
	 * Acknowledges the message and pushes its next attempt onto the list of its priority, as a Celery worker sends a
	 * retry: with its {@code eta} in the headers, so that whichever worker takes it waits for it.
	 */
	@Override
	public void requeue(Delivery delivery, OutboundMessage next) {
		CeleryQueueKeys queueKeys = keys(delivery.queue());
		TaskMessage task = this.codec.decode(next.body());
		CeleryQueueKeys nextKeys = keys(next.queue());
		String envelope = new String(this.celeryCodec.encode(task, next.queue(), next.priority(), next.readyAt()),
				StandardCharsets.UTF_8);
		settle(queueKeys, delivery.leaseToken(), "push", nextKeys.listFor(next.priority()), envelope, "");
	}

	@Override
	public void release(Delivery delivery) {
		CeleryQueueKeys queueKeys = keys(delivery.queue());
		settle(queueKeys, delivery.leaseToken(), "release", queueKeys.listFor(delivery.priority()), "", "");
	}

	@Override
	public void deadLetter(Delivery delivery, String reason) {
		CeleryQueueKeys queueKeys = keys(delivery.queue());
		settle(queueKeys, delivery.leaseToken(), "dead", queueKeys.deadLetters(),
				deadLetterHead(delivery.id(), reason), "body");
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<DeadLetter> deadLetters(String queue, int max) {
		List<byte[]> entries;
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			entries = connection.listCommands().lRange(bytes(keys(queue).deadLetters()), 0, max - 1L);
		}
		List<DeadLetter> letters = new ArrayList<>();
		for (byte[] entry : (entries != null) ? entries : List.<byte[]>of()) {
			Map<String, Object> letter = this.mapper.readValue(entry, Map.class);
			letters.add(new DeadLetter(String.valueOf(letter.get("id")), queue,
					bytes(String.valueOf(letter.get("body"))), String.valueOf(letter.get("reason")),
					Instant.ofEpochMilli(((Number) letter.get("at")).longValue())));
		}
		return letters;
	}

	@Override
	public long depth(String queue) {
		return stats(queue).depth();
	}

	@Override
	public QueueStats stats(String queue) {
		CeleryQueueKeys queueKeys = keys(queue);
		Map<Integer, Long> ready = new LinkedHashMap<>();
		long parked;
		long leased;
		long dead;
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			for (int step = 0; step < CeleryPriority.STEPS.length; step++) {
				Long length = connection.listCommands().lLen(bytes(queueKeys.lists().get(step)));
				ready.put(CeleryPriority.fromCelery(CeleryPriority.STEPS[step]), (length != null) ? length : 0L);
			}
			parked = orZero(connection.zSetCommands().zCard(bytes(queueKeys.parked())));
			leased = orZero(connection.zSetCommands().zCard(bytes(queueKeys.leases())));
			dead = orZero(connection.listCommands().lLen(bytes(queueKeys.deadLetters())));
		}
		return new QueueStats(queue, ready, parked, leased, dead);
	}

	@Override
	public long purge(String queue) {
		long before = depth(queue);
		CeleryQueueKeys queueKeys = keys(queue);
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			for (String list : queueKeys.lists()) {
				connection.keyCommands().del(bytes(list));
			}
			connection.keyCommands().del(bytes(queueKeys.parked()));
		}
		return before;
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0L;
	}

	private static String text(Object value) {
		return (value instanceof byte[] raw) ? new String(raw, StandardCharsets.UTF_8) : String.valueOf(value);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
