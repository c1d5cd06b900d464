package dev.celerity.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * The broker contract every implementation runs: subclass it and return a broker from {@link #createBroker()}.
 */
public abstract class AbstractBrokerContractTests {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private Broker broker;

	private String queue;

	/**
	 * Creates the broker under test.
	 * @return a broker
	 * @throws Exception if it cannot be created
	 */
	protected abstract Broker createBroker() throws Exception;

	/**
	 * Releases what {@link #createBroker()} created.
	 * @param broker the broker under test
	 * @throws Exception if it cannot be closed
	 */
	protected void closeBroker(Broker broker) throws Exception {
	}

	@BeforeEach
	void setUpBroker() throws Exception {
		this.broker = createBroker();
		this.queue = "contract-" + UUID.randomUUID();
	}

	@AfterEach
	void tearDownBroker() throws Exception {
		this.broker.purge(this.queue);
		closeBroker(this.broker);
	}

	protected Broker broker() {
		return this.broker;
	}

	protected String queue() {
		return this.queue;
	}

	@Test
	void publishedMessageIsFetchedWithItsBody() throws Exception {
		assertThat(this.broker.publish(message("a", 0))).isTrue();
		List<Delivery> deliveries = this.broker.fetch(this.queue, 10, LEASE, Duration.ZERO);
		assertThat(deliveries).singleElement().satisfies((delivery) -> {
			assertThat(delivery.id()).isEqualTo("a");
			assertThat(delivery.queue()).isEqualTo(this.queue);
			assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).isEqualTo("body-a");
			assertThat(delivery.redelivered()).isFalse();
		});
	}

	@Test
	void higherPriorityIsFetchedFirstAndEqualPrioritiesInPublishOrder() throws Exception {
		this.broker.publish(message("low-1", 0));
		this.broker.publish(message("mid-1", 5));
		this.broker.publish(message("low-2", 0));
		this.broker.publish(message("top-1", 9));
		this.broker.publish(message("mid-2", 5));
		this.broker.publish(message("top-2", 9));
		assertThat(fetchIds(10)).containsExactly("top-1", "top-2", "mid-1", "mid-2", "low-1", "low-2");
	}

	@Test
	void fetchTakesAtMostTheRequestedNumber() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.broker.publish(message("m" + i, 3));
		}
		assertThat(fetchIds(2)).containsExactly("m0", "m1");
		assertThat(fetchIds(10)).containsExactly("m2", "m3", "m4");
	}

	@Test
	void publishingAnIdThatIsPendingIsRefused() throws Exception {
		assertThat(this.broker.publish(message("same", 0))).isTrue();
		assertThat(this.broker.publish(message("same", 9))).isFalse();
		assertThat(this.broker.depth(this.queue)).isOne();
	}

	@Test
	void publishingAnIdThatIsRunningIsRefusedUntilItIsAcknowledged() throws Exception {
		this.broker.publish(message("same", 0));
		Delivery running = this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0);
		assertThat(this.broker.publish(message("same", 0))).isFalse();
		this.broker.ack(running);
		assertThat(this.broker.publish(message("same", 0))).isTrue();
	}

	@Test
	void acknowledgedMessageIsGoneForGood() throws Exception {
		this.broker.publish(message("a", 0));
		Delivery delivery = this.broker.fetch(this.queue, 1, Duration.ofMillis(200), Duration.ZERO).get(0);
		this.broker.ack(delivery);
		assertThat(this.broker.fetch(this.queue, 1, LEASE, Duration.ofMillis(600))).isEmpty();
		assertThat(this.broker.depth(this.queue)).isZero();
	}

	@Test
	void ackAllRemovesEveryAcknowledgedMessageAcrossQueuesAndLeavesTheOthers() throws Exception {
		String other = this.queue + "-other";
		try {
			this.broker.publishAll(List.of(message("a", 0), message("b", 0), message("c", 0),
					new OutboundMessage("d", other, 0, null, bytes("d"))));
			List<Delivery> here = this.broker.fetch(this.queue, 3, LEASE, Duration.ZERO);
			List<Delivery> there = this.broker.fetch(other, 1, LEASE, Duration.ZERO);
			this.broker.ackAll(List.of(here.get(0), there.get(0), here.get(2)));
			assertThat(this.broker.publish(message(here.get(0).id(), 0))).isTrue();
			assertThat(this.broker.publish(new OutboundMessage("d", other, 0, null, bytes("d")))).isTrue();
			assertThat(this.broker.publish(message(here.get(2).id(), 0))).isTrue();
			// the one left out is still running: its id is refused
			assertThat(this.broker.publish(message(here.get(1).id(), 0))).isFalse();
		}
		finally {
			this.broker.purge(other);
		}
	}

	@Test
	void ackAllWithAnExpiredLeaseDoesNotRemoveTheRedeliveredMessage() throws Exception {
		this.broker.publishAll(List.of(message("slow", 0), message("quick", 0)));
		List<Delivery> first = this.broker.fetch(this.queue, 2, Duration.ofMillis(200), Duration.ZERO);
		Delivery again = this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(10)).get(0);
		List<Delivery> rest = this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(10));
		this.broker.ackAll(first);
		assertThat(this.broker.publish(message(again.id(), 0))).isFalse();
		assertThat(rest).allSatisfy((delivery) -> assertThat(this.broker.publish(message(delivery.id(), 0))).isFalse());
	}

	@Test
	void delayedMessageBecomesReadyAtItsTime() throws Exception {
		Instant readyAt = Instant.now().plusMillis(400);
		this.broker.publish(new OutboundMessage("later", this.queue, 0, readyAt, bytes("later")));
		this.broker.publish(message("now", 0));
		assertThat(fetchIds(10)).containsExactly("now");
		assertThat(this.broker.depth(this.queue)).isOne();
		List<Delivery> later = this.broker.fetch(this.queue, 10, LEASE, Duration.ofSeconds(5));
		assertThat(Instant.now()).isAfterOrEqualTo(readyAt.minusMillis(20));
		assertThat(later).extracting(Delivery::id).containsExactly("later");
	}

	@Test
	void blockedFetchWakesUpWhenAMessageIsPublished() throws Exception {
		CompletableFuture<List<Delivery>> fetched = CompletableFuture.supplyAsync(() -> {
			try {
				return this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		await().pollDelay(Duration.ofMillis(100)).until(() -> true);
		long start = System.nanoTime();
		this.broker.publish(message("wake", 0));
		assertThat(fetched.get(5, TimeUnit.SECONDS)).extracting(Delivery::id).containsExactly("wake");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void expiredLeaseReturnsTheMessageMarkedRedelivered() throws Exception {
		this.broker.publish(message("abandoned", 0));
		assertThat(this.broker.fetch(this.queue, 1, Duration.ofMillis(300), Duration.ZERO)).hasSize(1);
		assertThat(this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO)).isEmpty();
		List<Delivery> again = this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(10));
		assertThat(again).singleElement().satisfies((delivery) -> {
			assertThat(delivery.id()).isEqualTo("abandoned");
			assertThat(delivery.redelivered()).isTrue();
		});
	}

	@Test
	void expiredLeasesComeBackOnceEachInABatchFetch() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.broker.publish(message("lost-" + i, i % 3));
		}
		assertThat(this.broker.fetch(this.queue, 5, Duration.ofMillis(200), Duration.ZERO)).hasSize(5);
		this.broker.publish(message("fresh", 0));
		List<Delivery> again = new ArrayList<>();
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (again.size() < 6 && System.nanoTime() < until) {
			again.addAll(this.broker.fetch(this.queue, 20, LEASE, Duration.ofMillis(500)));
		}
		assertThat(again).extracting(Delivery::id)
			.containsExactlyInAnyOrder("lost-0", "lost-1", "lost-2", "lost-3", "lost-4", "fresh");
		assertThat(this.broker.fetch(this.queue, 20, LEASE, Duration.ofMillis(300))).isEmpty();
	}

	@Test
	void ackWithAnExpiredLeaseDoesNotRemoveTheRedeliveredMessage() throws Exception {
		this.broker.publish(message("slow", 0));
		Delivery first = this.broker.fetch(this.queue, 1, Duration.ofMillis(200), Duration.ZERO).get(0);
		Delivery second = this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(10)).get(0);
		this.broker.ack(first);
		assertThat(this.broker.publish(message("slow", 0))).isFalse();
		this.broker.ack(second);
		assertThat(this.broker.publish(message("slow", 0))).isTrue();
	}

	@Test
	void extendedLeaseKeepsTheMessageInvisible() throws Exception {
		this.broker.publish(message("long", 0));
		Delivery delivery = this.broker.fetch(this.queue, 1, Duration.ofMillis(400), Duration.ZERO).get(0);
		long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1200);
		while (System.nanoTime() < until) {
			assertThat(this.broker.extendLease(delivery, Duration.ofMillis(400))).isTrue();
			assertThat(this.broker.fetch(this.queue, 1, LEASE, Duration.ofMillis(150))).isEmpty();
		}
		this.broker.ack(delivery);
		assertThat(this.broker.extendLease(delivery, Duration.ofMillis(400))).isFalse();
	}

	@Test
	void requeueStoresTheNextAttemptUnderTheSameId() throws Exception {
		this.broker.publish(message("retry", 0));
		Delivery delivery = this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0);
		Instant readyAt = Instant.now().plusMillis(300);
		this.broker.requeue(delivery, new OutboundMessage("retry", this.queue, 0, readyAt, bytes("attempt-2")));
		assertThat(this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO)).isEmpty();
		assertThat(this.broker.publish(message("retry", 0))).isFalse();
		Delivery next = this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(5)).get(0);
		assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("attempt-2");
		assertThat(next.redelivered()).isFalse();
	}

	@Test
	void releasedMessageIsReadyAgainAheadOfLaterOnes() throws Exception {
		this.broker.publish(message("first", 0));
		this.broker.publish(message("second", 0));
		Delivery first = this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0);
		this.broker.release(first);
		assertThat(fetchIds(10)).containsExactly("first", "second");
	}

	@Test
	void deadLetteredMessageIsKeptWithItsReason() throws Exception {
		this.broker.publish(message("bad", 0));
		Delivery delivery = this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0);
		this.broker.deadLetter(delivery, "Unknown task 'nope'");
		assertThat(this.broker.deadLetters(this.queue, 10)).singleElement().satisfies((dead) -> {
			assertThat(dead.id()).isEqualTo("bad");
			assertThat(dead.reason()).isEqualTo("Unknown task 'nope'");
			assertThat(new String(dead.body(), StandardCharsets.UTF_8)).isEqualTo("body-bad");
		});
		assertThat(this.broker.depth(this.queue)).isZero();
		assertThat(this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO)).isEmpty();
	}

	@Test
	void depthCountsReadyAndDelayedAndPurgeEmptiesTheQueue() throws Exception {
		this.broker.publish(message("a", 0));
		this.broker.publish(message("b", 4));
		this.broker.publish(new OutboundMessage("c", this.queue, 0, Instant.now().plusSeconds(60), bytes("c")));
		assertThat(this.broker.depth(this.queue)).isEqualTo(3);
		assertThat(this.broker.purge(this.queue)).isEqualTo(3);
		assertThat(this.broker.depth(this.queue)).isZero();
		assertThat(this.broker.publish(message("a", 0))).isTrue();
	}

	@Test
	void queuesAreIndependent() throws Exception {
		String other = this.queue + "-other";
		try {
			this.broker.publish(new OutboundMessage("elsewhere", other, 9, null, bytes("x")));
			this.broker.publish(message("here", 0));
			assertThat(fetchIds(10)).containsExactly("here");
			assertThat(this.broker.depth(other)).isOne();
		}
		finally {
			this.broker.purge(other);
		}
	}

	@Test
	void batchPublishStoresEveryNewMessage() throws Exception {
		List<OutboundMessage> batch = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			batch.add(message("batch-" + i, i % 10));
		}
		assertThat(this.broker.publishAll(batch)).isEqualTo(20);
		assertThat(this.broker.depth(this.queue)).isEqualTo(20);
		assertThat(fetchIds(1)).containsExactly("batch-9");
	}

	@Test
	void dueDelayedMessageTakesItsPriorityPlace() throws Exception {
		Instant readyAt = Instant.now().plusMillis(300);
		this.broker.publish(new OutboundMessage("urgent", this.queue, 9, readyAt, bytes("urgent")));
		this.broker.publish(message("routine", 0));
		await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(readyAt.plusMillis(50)));
		assertThat(fetchIds(10)).containsExactly("urgent", "routine");
	}

	@Test
	void staleLeaseTokenChangesNothing() throws Exception {
		this.broker.publish(message("stale", 0));
		Delivery first = this.broker.fetch(this.queue, 1, Duration.ofMillis(200), Duration.ZERO).get(0);
		Delivery second = this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(10)).get(0);
		assertThat(this.broker.extendLease(first, LEASE)).isFalse();
		this.broker.release(first);
		this.broker.deadLetter(first, "too late");
		this.broker.requeue(first, message("stale", 0));
		assertThat(this.broker.depth(this.queue)).isZero();
		assertThat(this.broker.deadLetters(this.queue, 10)).isEmpty();
		assertThat(this.broker.extendLease(second, LEASE)).isTrue();
	}

	@Test
	void releasedRedeliveryStaysMarkedRedelivered() throws Exception {
		this.broker.publish(message("again", 0));
		this.broker.fetch(this.queue, 1, Duration.ofMillis(200), Duration.ZERO);
		Delivery redelivered = this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(10)).get(0);
		assertThat(redelivered.redelivered()).isTrue();
		this.broker.release(redelivered);
		assertThat(this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO)).singleElement()
			.satisfies((delivery) -> assertThat(delivery.redelivered()).isTrue());
	}

	@Test
	void requeueToAnotherQueueMovesTheMessage() throws Exception {
		String other = this.queue + "-next";
		try {
			this.broker.publish(message("moving", 0));
			Delivery delivery = this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0);
			this.broker.requeue(delivery, new OutboundMessage("moving", other, 3, null, bytes("moved")));
			assertThat(this.broker.publish(message("moving", 0))).isTrue();
			assertThat(this.broker.fetch(other, 1, LEASE, Duration.ZERO)).singleElement()
				.satisfies((moved) -> assertThat(new String(moved.body(), StandardCharsets.UTF_8)).isEqualTo("moved"));
		}
		finally {
			this.broker.purge(other);
		}
	}

	@Test
	void everyBlockedConsumerWakesWhenABatchArrives() throws Exception {
		ExecutorService consumers = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch waiting = new CountDownLatch(2);
			List<Future<List<Delivery>>> fetches = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				fetches.add(consumers.submit(() -> {
					waiting.countDown();
					return this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(10));
				}));
			}
			assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
			await().pollDelay(Duration.ofMillis(200)).until(() -> true);
			long start = System.nanoTime();
			this.broker.publishAll(List.of(message("one", 0), message("two", 0)));
			List<String> ids = new ArrayList<>();
			for (Future<List<Delivery>> fetch : fetches) {
				fetch.get(5, TimeUnit.SECONDS).forEach((delivery) -> ids.add(delivery.id()));
			}
			assertThat(ids).containsExactlyInAnyOrder("one", "two");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			consumers.shutdownNow();
		}
	}

	@Test
	void awaitReadyTellsWhetherMessagesAreReadyAndLeasesNone() throws Exception {
		assertThat(this.broker.awaitReady(this.queue, Duration.ZERO)).isFalse();
		this.broker.publish(message("ready", 0));
		assertThat(this.broker.awaitReady(this.queue, Duration.ZERO)).isTrue();
		assertThat(this.broker.awaitReady(this.queue, Duration.ofSeconds(5))).isTrue();
		assertThat(fetchIds(10)).containsExactly("ready");
		assertThat(this.broker.awaitReady(this.queue, Duration.ofMillis(100))).isFalse();
	}

	@Test
	void awaitReadyReturnsWhenADelayedMessageFallsDue() throws Exception {
		Instant readyAt = Instant.now().plusMillis(400);
		this.broker.publish(new OutboundMessage("later", this.queue, 0, readyAt, bytes("later")));
		assertThat(this.broker.awaitReady(this.queue, Duration.ZERO)).isFalse();
		assertThat(this.broker.awaitReady(this.queue, Duration.ofSeconds(5))).isTrue();
		assertThat(Instant.now()).isAfterOrEqualTo(readyAt.minusMillis(20));
		assertThat(Duration.between(readyAt, Instant.now())).isLessThan(Duration.ofSeconds(1));
		assertThat(fetchIds(10)).containsExactly("later");
	}

	@Test
	void awaitReadyReturnsWhenALeaseExpires() throws Exception {
		this.broker.publish(message("abandoned", 0));
		assertThat(this.broker.fetch(this.queue, 1, Duration.ofMillis(300), Duration.ZERO)).hasSize(1);
		assertThat(this.broker.awaitReady(this.queue, Duration.ZERO)).isFalse();
		assertThat(this.broker.awaitReady(this.queue, Duration.ofSeconds(5))).isTrue();
		assertThat(this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO)).singleElement()
			.satisfies((delivery) -> assertThat(delivery.redelivered()).isTrue());
	}

	@Test
	void consumerThatOnlyAwaitsReadyWorkDoesNotKeepTheWakeUpFromAFetchingOne() throws Exception {
		ExecutorService consumers = Executors.newFixedThreadPool(2);
		try {
			// one consumer has no room for work: it waits for ready messages and then takes none; it starts waiting
			// first, so that it is the one woken first
			Future<Boolean> awaiting = consumers.submit(() -> this.broker.awaitReady(this.queue, Duration.ofSeconds(10)));
			await().pollDelay(Duration.ofMillis(200)).until(() -> true);
			Future<List<Delivery>> fetching = consumers
				.submit(() -> this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(10)));
			await().pollDelay(Duration.ofMillis(200)).until(() -> true);
			long start = System.nanoTime();
			this.broker.publish(message("one", 0));
			assertThat(awaiting.get(5, TimeUnit.SECONDS)).isTrue();
			assertThat(fetching.get(5, TimeUnit.SECONDS)).extracting(Delivery::id).containsExactly("one");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			consumers.shutdownNow();
		}
	}

	@Test
	void largeBatchesArePublishedAndFetchedWhole() throws Exception {
		List<OutboundMessage> batch = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			batch.add(message("bulk-" + i, 0));
		}
		batch.add(message("bulk-0", 0));
		assertThat(this.broker.publishAll(batch)).isEqualTo(1200);
		List<Delivery> taken = this.broker.fetch(this.queue, 1100, LEASE, Duration.ZERO);
		assertThat(taken).hasSize(1100);
		assertThat(taken.get(0).id()).isEqualTo("bulk-0");
		assertThat(taken.get(1099).id()).isEqualTo("bulk-1099");
		assertThat(this.broker.depth(this.queue)).isEqualTo(100);
	}

	@Test
	void statsCountReadyByPriorityDelayedLeasedAndDeadLetters() throws Exception {
		this.broker.publish(message("high-1", 9));
		this.broker.publish(message("high-2", 9));
		this.broker.publish(message("mid", 4));
		this.broker.publish(message("low", 0));
		this.broker.publish(new OutboundMessage("later", this.queue, 3, Instant.now().plusSeconds(60), bytes("x")));
		List<Delivery> taken = this.broker.fetch(this.queue, 2, LEASE, Duration.ZERO);
		this.broker.deadLetter(taken.get(1), "unknown task");
		this.broker.publish(message("extra", 4));
		QueueStats stats = this.broker.stats(this.queue);
		assertThat(stats.queue()).isEqualTo(this.queue);
		assertThat(stats.readyByPriority()).containsOnly(entry(0, 1L), entry(4, 2L));
		assertThat(stats.delayed()).isEqualTo(1);
		assertThat(stats.leased()).isEqualTo(1);
		assertThat(stats.deadLetters()).isEqualTo(1);
		assertThat(stats.depth()).isEqualTo(this.broker.depth(this.queue));
	}

	@Test
	void statsOfAnUnknownQueueAreZero() {
		QueueStats stats = this.broker.stats(this.queue + "-never-used");
		assertThat(stats.ready()).isZero();
		assertThat(stats.delayed()).isZero();
		assertThat(stats.leased()).isZero();
		assertThat(stats.deadLetters()).isZero();
	}

	@Test
	void replayedDeadLettersRunAgainWithTheirBodiesOldestFirst() throws Exception {
		for (String id : List.of("dead-1", "dead-2", "dead-3")) {
			this.broker.publish(message(id, 7));
		}
		for (Delivery delivery : this.broker.fetch(this.queue, 3, LEASE, Duration.ZERO)) {
			this.broker.deadLetter(delivery, "no worker knows it");
		}
		assertThat(this.broker.replayDeadLetters(this.queue, 2)).isEqualTo(2);
		assertThat(this.broker.deadLetters(this.queue, 10)).extracting(DeadLetter::id).containsExactly("dead-3");
		QueueStats stats = this.broker.stats(this.queue);
		assertThat(stats.readyByPriority()).containsOnly(entry(0, 2L));
		assertThat(stats.deadLetters()).isEqualTo(1);
		List<Delivery> replayed = this.broker.fetch(this.queue, 10, LEASE, Duration.ZERO);
		assertThat(replayed).extracting(Delivery::id).containsExactly("dead-1", "dead-2");
		assertThat(replayed).allSatisfy((delivery) -> assertThat(delivery.priority()).isZero());
		assertThat(new String(replayed.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("body-dead-1");
		assertThat(this.broker.replayDeadLetters(this.queue, 10)).isEqualTo(1);
		assertThat(this.broker.replayDeadLetters(this.queue, 10)).isZero();
		assertThat(this.broker.deadLetters(this.queue, 10)).isEmpty();
	}

	@Test
	void replayKeepsBinaryBodiesIntact() throws Exception {
		byte[] body = new byte[256];
		for (int i = 0; i < body.length; i++) {
			body[i] = (byte) i;
		}
		this.broker.publish(new OutboundMessage("binary", this.queue, 0, null, body));
		this.broker.deadLetter(this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0), "unreadable");
		assertThat(this.broker.replayDeadLetters(this.queue, 1)).isEqualTo(1);
		assertThat(this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO)).singleElement()
			.satisfies((delivery) -> assertThat(delivery.body()).isEqualTo(body));
	}

	@Test
	void replayWakesABlockedConsumer() throws Exception {
		this.broker.publish(message("wake", 0));
		this.broker.deadLetter(this.broker.fetch(this.queue, 1, LEASE, Duration.ZERO).get(0), "bad");
		CompletableFuture<List<Delivery>> waiting = CompletableFuture.supplyAsync(() -> {
			try {
				return this.broker.fetch(this.queue, 1, LEASE, Duration.ofSeconds(20));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return List.of();
			}
		});
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());
		this.broker.replayDeadLetters(this.queue, 10);
		assertThat(waiting.get(5, TimeUnit.SECONDS)).extracting(Delivery::id).containsExactly("wake");
	}

	protected OutboundMessage message(String id, int priority) {
		return new OutboundMessage(id, this.queue, priority, null, bytes("body-" + id));
	}

	private List<String> fetchIds(int max) throws InterruptedException {
		return this.broker.fetch(this.queue, max, LEASE, Duration.ZERO).stream().map(Delivery::id).toList();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
