package dev.celerity.broker.redis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisConnection;

import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.redis.RedisBrokerKeys.QueueKeys;
import dev.celerity.message.MessageCodec;
import dev.celerity.redis.ScriptExecutor;
import dev.celerity.testing.redis.CommandStats;
import dev.celerity.testing.redis.CountingConnectionFactory;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What only the Redis broker has: its key layout, its scripts, several instances on one Redis, and an idle consumer
 * that costs nothing.
 */
@RequiresRedis
class RedisBrokerIntegrationTests {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private final RedisTestContext redis;

	private final String queue = "it-" + UUID.randomUUID();

	private final List<RedisBroker> brokers = new ArrayList<>();

	RedisBrokerIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@AfterEach
	void closeBrokers() {
		this.brokers.forEach(RedisBroker::close);
	}

	@Test
	void keysLiveUnderThePrefixWithTheQueueAsHashTag() throws Exception {
		RedisBroker broker = broker(RedisBrokerOptions.defaults());
		broker.publish(message("a", 0, null));
		broker.publish(message("b", 0, java.time.Instant.now().plusSeconds(60)));
		Delivery delivery = broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0);
		broker.deadLetter(delivery, "bad");
		String base = this.redis.keyPrefix() + ":{" + this.queue + "}:";
		assertThat(this.redis.server().keys(this.redis.keyPrefix() + ":{" + this.queue + "}"))
			.allSatisfy((key) -> assertThat(key).startsWith(base))
			.contains(base + "messages", base + "delayed", base + "sequence", base + "wake", base + "dead");
		QueueKeys keys = broker.keys().queue(this.queue);
		assertThat(keys.ready()).isEqualTo(base + "ready");
		assertThat(keys.leases()).isEqualTo(base + "leases");
	}

	@Test
	void messageBodyIsStoredOnceAndRemovedOnAck() throws Exception {
		RedisBroker broker = broker(RedisBrokerOptions.defaults());
		broker.publish(message("once", 0, null));
		QueueKeys keys = broker.keys().queue(this.queue);
		assertThat(hashLength(keys.messages())).isOne();
		Delivery delivery = broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0);
		assertThat(hashLength(keys.messages())).isOne();
		broker.ack(delivery);
		assertThat(hashLength(keys.messages())).isZero();
	}

	@Test
	void publishedMessageWakesAConsumerOfAnotherInstance() throws Exception {
		RedisBroker consumer = broker(RedisBrokerOptions.defaults());
		RedisBroker producer = broker(RedisBrokerOptions.defaults());
		CompletableFuture<List<Delivery>> fetched = fetchAsync(consumer, Duration.ofSeconds(10));
		await().pollDelay(Duration.ofMillis(200)).until(() -> true);
		long start = System.nanoTime();
		producer.publish(message("cross", 0, null));
		assertThat(fetched.get(5, TimeUnit.SECONDS)).extracting(Delivery::id).containsExactly("cross");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
	}

	@Test
	void idleConsumerNoticesALeaseExpiredInAnotherInstance() throws Exception {
		RedisBroker survivor = broker(RedisBrokerOptions.defaults().withIdleRecheck(Duration.ofMillis(500)));
		RedisBroker crashed = broker(RedisBrokerOptions.defaults());
		crashed.publish(message("orphan", 0, null));
		assertThat(survivor.fetch(this.queue, 1, LEASE, Duration.ZERO)).hasSize(1);
		survivor.ack(survivor.fetch(this.queue, 1, LEASE, Duration.ZERO).stream().findFirst().orElse(
				new Delivery("none", this.queue, 0, new byte[0], "0:none", false)));
		crashed.publish(message("lost", 0, null));
		CompletableFuture<List<Delivery>> waiting = fetchAsync(survivor, Duration.ofSeconds(10));
		await().pollDelay(Duration.ofMillis(100)).until(() -> true);
		assertThat(waiting.get(5, TimeUnit.SECONDS)).extracting(Delivery::id).containsExactly("lost");
		crashed.publish(message("leased-then-lost", 0, null));
		assertThat(crashed.fetch(this.queue, 1, Duration.ofMillis(300), Duration.ZERO)).hasSize(1);
		List<Delivery> redelivered = survivor.fetch(this.queue, 1, LEASE, Duration.ofSeconds(5));
		assertThat(redelivered).singleElement().satisfies((delivery) -> {
			assertThat(delivery.id()).isEqualTo("leased-then-lost");
			assertThat(delivery.redelivered()).isTrue();
		});
	}

	@Test
	void idleConsumerIssuesOnlyBlockingReadsAndUsesNoCpu() throws Exception {
		CountingConnectionFactory counting = new CountingConnectionFactory(this.redis.connectionFactory());
		RedisBroker broker = new RedisBroker(counting.factory(),
				RedisBrokerOptions.defaults().withKeyPrefix(this.redis.keyPrefix()).withIdleRecheck(Duration.ofSeconds(30)),
				new MessageCodec(), Clock.systemUTC());
		this.brokers.add(broker);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		CommandStats before = this.redis.server().commandStats();
		AtomicLong cpu = new AtomicLong();
		CompletableFuture.runAsync(() -> {
			long start = threads.getCurrentThreadCpuTime();
			long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2000);
			try {
				// what a worker does on an empty queue: wait for ready work, a quarter of a second at a time
				while (System.nanoTime() < until) {
					assertThat(broker.awaitReady(this.queue, Duration.ofMillis(250))).isFalse();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			cpu.set(threads.getCurrentThreadCpuTime() - start);
		}).get(10, TimeUnit.SECONDS);
		CommandStats server = this.redis.server().commandStats().since(before);
		// one script at the start (by its text when the server does not know it yet), then blocking reads only
		assertThat(counting.calls().keySet()).containsAnyOf("evalSha", "eval")
			.isSubsetOf("evalSha", "eval", "bZPopMin")
			.contains("bZPopMin");
		assertThat(counting.calls().getOrDefault("evalSha", 0L) + counting.calls().getOrDefault("eval", 0L))
			.isEqualTo(1L);
		assertThat(counting.calls().get("bZPopMin")).isBetween(4L, 9L);
		// the server saw them too (other clients of a shared Redis can only add to its counts)
		assertThat(server.calls("bzpopmin")).isGreaterThanOrEqualTo(counting.calls().get("bZPopMin"));
		assertThat(server.calls("evalsha") + server.calls("eval")).isPositive();
		assertThat(Duration.ofNanos(cpu.get())).isLessThan(Duration.ofMillis(200));
	}

	@Test
	void orderHoldsAtTheEndsOfTheSequenceRange() throws Exception {
		RedisBroker broker = broker(RedisBrokerOptions.defaults());
		QueueKeys keys = broker.keys().queue(this.queue);
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			connection.stringCommands().set(bytes(keys.sequence()), bytes(Long.toString((1L << 47) - 10)));
		}
		broker.publish(message("p0-first", 0, null));
		broker.publish(message("p0-second", 0, null));
		broker.publish(message("p9", 9, null));
		broker.publish(message("p8", 8, null));
		Delivery first = broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0);
		broker.release(first);
		assertThat(broker.fetch(this.queue, 10, LEASE, Duration.ZERO)).extracting(Delivery::id)
			.containsExactly("p9", "p8", "p0-first", "p0-second");
	}

	@Test
	void readyIdWithoutABodyIsDroppedNotLeased() throws Exception {
		RedisBroker broker = broker(RedisBrokerOptions.defaults());
		broker.publish(message("good", 5, null));
		QueueKeys keys = broker.keys().queue(this.queue);
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			connection.zSetCommands().zAdd(bytes(keys.ready()), 0, bytes("ghost"));
		}
		assertThat(broker.fetch(this.queue, 10, LEASE, Duration.ZERO)).extracting(Delivery::id)
			.containsExactly("good");
		assertThat(broker.depth(this.queue)).isZero();
	}

	@Test
	void deadLetterKeepsABinaryBodyAndSkipsUnreadableEntries() throws Exception {
		RedisBroker broker = broker(RedisBrokerOptions.defaults());
		byte[] body = { (byte) 0xff, 0, (byte) 0xc3, 0x28 };
		broker.publish(new OutboundMessage("binary", this.queue, 0, null, body));
		broker.deadLetter(broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0), "not JSON");
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			connection.listCommands().rPush(bytes(broker.keys().queue(this.queue).deadLetters()), bytes("{oops"));
		}
		assertThat(broker.deadLetters(this.queue, 10)).singleElement().satisfies((dead) -> {
			assertThat(dead.body()).isEqualTo(body);
			assertThat(dead.reason()).isEqualTo("not JSON");
		});
	}

	@Test
	void batchPublishSkipsIdsPendingOrRunningAndKeepsTheFirstOfAnIdGivenTwice() throws Exception {
		RedisBroker broker = broker(RedisBrokerOptions.defaults());
		broker.publish(message("running", 0, null));
		Delivery running = broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0);
		broker.publish(message("pending", 0, null));
		int stored = broker.publishAll(List.of(message("pending", 9, null), message("new-1", 0, null),
				message("running", 0, null), new OutboundMessage("new-2", this.queue, 0, null, bytes("first")),
				new OutboundMessage("new-2", this.queue, 9, null, bytes("second")), message("new-3", 0, null)));
		assertThat(stored).isEqualTo(3);
		List<Delivery> fetched = broker.fetch(this.queue, 10, LEASE, Duration.ZERO);
		assertThat(fetched).extracting(Delivery::id).containsExactly("pending", "new-1", "new-2", "new-3");
		assertThat(fetched.get(0).body()).isEqualTo(bytes("body-pending"));
		assertThat(fetched.get(2).body()).isEqualTo(bytes("first"));
		assertThat(hashLength(broker.keys().queue(this.queue).messages())).isEqualTo(5);
		broker.ack(running);
		assertThat(broker.publishAll(List.of(message("running", 0, null), message("new-1", 0, null)))).isOne();
	}

	@Test
	void batchAckRemovesTheHeldLeasesOnlyAndCountsATokenGivenTwiceOnce() throws Exception {
		RedisBroker broker = broker(RedisBrokerOptions.defaults());
		broker.publishAll(List.of(message("a", 0, null), message("b", 0, null), message("c", 0, null)));
		List<Delivery> leased = broker.fetch(this.queue, 3, LEASE, Duration.ZERO);
		Delivery stale = new Delivery("b", this.queue, 0, bytes("body-b"), "0:b", false);
		QueueKeys keys = broker.keys().queue(this.queue);
		Long acked = new ScriptExecutor(this.redis.connectionFactory()).execute(new BrokerCalls(new BrokerScripts())
			.ack(keys, List.of(leased.get(0), stale, leased.get(2), leased.get(0))));
		assertThat(acked).isEqualTo(2);
		assertThat(hashLength(keys.messages())).as("b's body stays: its lease was not the one given").isOne();
		assertThat(broker.publish(message("b", 0, null))).as("b still runs").isFalse();
		assertThat(broker.publish(message("a", 0, null))).isTrue();
		assertThat(broker.publish(message("c", 0, null))).isTrue();
		broker.ackAll(List.of(leased.get(1), stale));
		assertThat(broker.publish(message("b", 0, null))).isTrue();
	}

	@Test
	void batchAckOfOnlyStaleTokensChangesNothing() throws Exception {
		RedisBroker broker = broker(RedisBrokerOptions.defaults());
		broker.publish(message("kept", 0, null));
		broker.fetch(this.queue, 1, LEASE, Duration.ZERO);
		broker.ackAll(List.of(new Delivery("kept", this.queue, 0, bytes("body-kept"), "0:kept", false),
				new Delivery("kept", this.queue, 0, bytes("body-kept"), "1:kept", false)));
		assertThat(hashLength(broker.keys().queue(this.queue).messages())).isOne();
		assertThat(broker.stats(this.queue).leased()).isOne();
	}

	@Test
	void aDelayedPublicationWakesAWaitingConsumerToLookAgainAndItAnswersAtTheDueTime() throws Exception {
		RedisBroker broker = broker(RedisBrokerOptions.defaults().withIdleRecheck(Duration.ofSeconds(30)));
		assertThat(broker.awaitReady(this.queue, Duration.ZERO)).isFalse();
		CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
			try {
				return broker.awaitReady(this.queue, Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		await().pollDelay(Duration.ofMillis(200)).until(() -> true);
		java.time.Instant readyAt = java.time.Instant.now().plusMillis(400);
		broker(RedisBrokerOptions.defaults()).publish(message("later", 0, readyAt));
		assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(java.time.Instant.now()).isAfterOrEqualTo(readyAt.minusMillis(20))
			.isBefore(readyAt.plusSeconds(1));
	}

	@Test
	void aReadySignalIsTrustedAndAFetchThatTakesEverythingTakesIt() throws Exception {
		RedisBroker broker = broker(RedisBrokerOptions.defaults());
		QueueKeys keys = broker.keys().queue(this.queue);
		broker.publishAll(List.of(message("a", 0, null), message("b", 0, null)));
		assertThat(wakeSignals(keys)).containsExactly("w");
		assertThat(broker.fetch(this.queue, 1, LEASE, Duration.ZERO)).hasSize(1);
		assertThat(wakeSignals(keys)).as("b is still ready").containsExactly("w");
		assertThat(broker.fetch(this.queue, 10, LEASE, Duration.ZERO)).hasSize(1);
		assertThat(wakeSignals(keys)).isEmpty();
		broker.publish(message("later", 0, java.time.Instant.now().plusSeconds(60)));
		assertThat(wakeSignals(keys)).containsExactly("d");
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			connection.zSetCommands().zAdd(bytes(keys.wake()), 0, bytes("w"));
		}
		// a ready signal is a hint: the consumer is told to fetch, without a look first
		assertThat(broker.awaitReady(this.queue, Duration.ofSeconds(5))).isTrue();
		assertThat(broker.fetch(this.queue, 10, LEASE, Duration.ZERO)).isEmpty();
		assertThat(wakeSignals(keys)).containsExactly("d");
	}

	private RedisBroker broker(RedisBrokerOptions options) {
		RedisBroker broker = new RedisBroker(this.redis.connectionFactory(),
				options.withKeyPrefix(this.redis.keyPrefix()), new MessageCodec(), Clock.systemUTC());
		this.brokers.add(broker);
		return broker;
	}

	private CompletableFuture<List<Delivery>> fetchAsync(RedisBroker broker, Duration maxWait) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return broker.fetch(this.queue, 1, LEASE, maxWait);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private List<String> wakeSignals(QueueKeys keys) {
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			return connection.zSetCommands()
				.zRange(bytes(keys.wake()), 0, -1)
				.stream()
				.map((member) -> new String(member, StandardCharsets.UTF_8))
				.toList();
		}
	}

	private long hashLength(String key) {
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			return connection.hashCommands().hLen(bytes(key));
		}
	}

	private OutboundMessage message(String id, int priority, java.time.Instant readyAt) {
		return new OutboundMessage(id, this.queue, priority, readyAt, bytes("body-" + id));
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
