package dev.celerity.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.celerity.backend.TaskResult;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.message.MessageCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DeliverySettlerTests {

	private static final Duration TTL = Duration.ofMinutes(5);

	private static final Duration SHORT_LEASE = Duration.ofMillis(300);

	private final List<String> acknowledgedWithResultVisible = new CopyOnWriteArrayList<>();

	private final List<Integer> ackBatchSizes = new CopyOnWriteArrayList<>();

	private final InMemoryResultBackend backend = new InMemoryResultBackend(new MessageCodec());

	private final InMemoryBroker broker = new InMemoryBroker() {

		@Override
		public void ackAll(List<Delivery> deliveries) {
			DeliverySettlerTests.this.ackBatchSizes.add(deliveries.size());
			deliveries.stream()
				.filter((delivery) -> DeliverySettlerTests.this.backend.find(delivery.id()).isPresent())
				.forEach((delivery) -> DeliverySettlerTests.this.acknowledgedWithResultVisible.add(delivery.id()));
			super.ackAll(deliveries);
		}

	};

	private final InMemoryResultBackend failing = new InMemoryResultBackend(new MessageCodec()) {

		@Override
		public void store(TaskResult result, Duration timeToLive) {
			throw new IllegalStateException("Redis is down");
		}

		@Override
		public void storeAll(List<TaskResult> results, Duration timeToLive) {
			throw new IllegalStateException("Redis is down");
		}

	};

	@Test
	void resultIsStoredAndFollowedUpBeforeTheMessageIsAcknowledged() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.backend, TTL);
		Delivery delivery = leased("task-1", Duration.ofSeconds(30));
		List<String> followUps = new ArrayList<>();
		settler.complete(delivery, success("task-1"), () -> followUps.add("after " + stateOf("task-1")), true);
		assertThat(this.ackBatchSizes).isEmpty();
		settler.flush();
		assertThat(followUps).containsExactly("after SUCCESS");
		assertThat(this.acknowledgedWithResultVisible).containsExactly("task-1");
		assertThat(this.broker.publish(message("task-1"))).as("acknowledged, so its id is free again").isTrue();
	}

	@Test
	void unbatchedResultIsStoredAndFollowedUpAtOnceAndAcknowledgedWithTheNextFlush() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.backend, TTL);
		Delivery delivery = leased("step", Duration.ofSeconds(30));
		List<String> followUps = new ArrayList<>();
		settler.complete(delivery, success("step"), () -> followUps.add("after " + stateOf("step")), false);
		assertThat(followUps).as("the workflow continues before the call returns").containsExactly("after SUCCESS");
		assertThat(this.ackBatchSizes).isEmpty();
		settler.flush();
		assertThat(this.acknowledgedWithResultVisible).containsExactly("step");
	}

	@Test
	void messageWhoseResultCouldNotBeStoredIsRedeliveredNotLost() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.failing, TTL);
		Delivery unstored = leased("unstored", SHORT_LEASE);
		Delivery alreadyRecorded = leased("recorded", Duration.ofSeconds(30));
		List<String> followUps = new ArrayList<>();
		settler.complete(unstored, success("unstored"), () -> followUps.add("unstored"), true);
		settler.complete(alreadyRecorded, null, null, true);
		settler.flush();
		assertThat(followUps).as("nothing follows a result that was not stored").isEmpty();
		assertRedelivered("unstored");
		assertThat(this.broker.publish(message("recorded"))).as("an ack without a result still goes out").isTrue();
	}

	@Test
	void unbatchedResultThatCouldNotBeStoredThrowsAndLeavesTheMessageUnacknowledged() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.failing, TTL);
		List<String> followUps = new ArrayList<>();
		assertThatIllegalStateException().isThrownBy(() -> settler.complete(leased("unstored", SHORT_LEASE),
				success("unstored"), () -> followUps.add("unstored"), false));
		settler.flush();
		assertThat(followUps).isEmpty();
		assertThat(this.ackBatchSizes).isEmpty();
		assertRedelivered("unstored");
	}

	@Test
	void workflowContinuationThatFailsLeavesTheMessageUnacknowledged() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.backend, TTL);
		Runnable continuation = () -> {
			throw new IllegalStateException("cannot publish the next step");
		};
		assertThatIllegalStateException()
			.isThrownBy(() -> settler.complete(leased("step", SHORT_LEASE), success("step"), continuation, false));
		settler.flush();
		assertThat(this.ackBatchSizes).isEmpty();
		assertRedelivered("step");
	}

	@Test
	void retryWhoseStateCouldNotBeStoredIsNotRequeued() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.failing, TTL);
		Delivery delivery = leased("retrying", SHORT_LEASE);
		OutboundMessage next = new OutboundMessage("retrying", "q", 0, Instant.now(),
				"next".getBytes(StandardCharsets.UTF_8));
		assertThatIllegalStateException().isThrownBy(() -> settler.requeue(delivery, state("retrying", "RETRY"), next));
		Delivery again = assertRedelivered("retrying");
		assertThat(new String(again.body(), StandardCharsets.UTF_8)).as("the original attempt").isEqualTo("retrying");
	}

	@Test
	void deadLetterWhoseFailureCouldNotBeStoredStaysLeased() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.failing, TTL);
		Delivery delivery = leased("rejected", SHORT_LEASE);
		assertThatIllegalStateException()
			.isThrownBy(() -> settler.deadLetter(delivery, state("rejected", "FAILURE"), null, "unknown task"));
		assertThat(this.broker.deadLetters("q", 10)).isEmpty();
		assertRedelivered("rejected");
	}

	@Test
	void listenersHearOfEveryMessageWhileItIsStillLeasedAndAfterItsStateIsStored() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.backend, TTL);
		List<String> heard = new CopyOnWriteArrayList<>();
		// a lease that can still be extended means the message is not settled yet
		settler.onSettling((delivery) -> heard.add(delivery.id() + " leased="
				+ this.broker.extendLease(delivery, Duration.ofSeconds(30)) + " state=" + stateOf(delivery.id())));
		settler.complete(leased("done", Duration.ofSeconds(30)), success("done"), null, true);
		settler.flush();
		settler.requeue(leased("retried", Duration.ofSeconds(30)), state("retried", "RETRY"),
				new OutboundMessage("retried", "q", 0, Instant.now().plusSeconds(60), new byte[0]));
		settler.deadLetter(leased("rejected", Duration.ofSeconds(30)), state("rejected", "FAILURE"), null, "bad");
		// last: a released message is ready again at once, ahead of anything published after it
		settler.release(leased("released", Duration.ofSeconds(30)));
		assertThat(heard).containsExactly("done leased=true state=SUCCESS", "retried leased=true state=RETRY",
				"rejected leased=true state=FAILURE", "released leased=true state=none");
		assertThat(this.broker.deadLetters("q", 10)).singleElement()
			.satisfies((letter) -> assertThat(letter.reason()).isEqualTo("bad"));
	}

	@Test
	void messageIsNotAcknowledgedBeforeItIsFlushedSoACrashBeforeTheFlushRedeliversIt() throws Exception {
		DeliverySettler crashed = new DeliverySettler(this.broker, this.backend, TTL);
		crashed.complete(leased("crashing", SHORT_LEASE), success("crashing"), null, true);
		// the worker dies here: the settler is never flushed
		assertRedelivered("crashing");
		assertThat(this.ackBatchSizes).isEmpty();
	}

	@Test
	void completionsQueuedWhileABatchIsWrittenGoOutTogetherWithNoneLeftBehind() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		InMemoryResultBackend slow = new InMemoryResultBackend(new MessageCodec()) {

			@Override
			public void storeAll(List<TaskResult> results, Duration timeToLive) {
				if (writing.getCount() > 0) {
					writing.countDown();
					await(release);
				}
				super.storeAll(results, timeToLive);
			}

		};
		DeliverySettler settler = new DeliverySettler(this.broker, slow, TTL);
		settler.complete(leased("first", Duration.ofSeconds(30)), success("first"), null, true);
		CompletableFuture<Void> writer = CompletableFuture.runAsync(settler::flush);
		assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 5; i++) {
			settler.complete(leased("next-" + i, Duration.ofSeconds(30)), success("next-" + i), null, true);
			settler.flush();
		}
		assertThat(this.ackBatchSizes).as("the other threads only queued").isEmpty();
		release.countDown();
		writer.get(5, TimeUnit.SECONDS);
		assertThat(this.ackBatchSizes).containsExactly(1, 5);
		assertThat(this.broker.depth("q")).isZero();
		for (int i = 0; i < 5; i++) {
			assertThat(slow.find("next-" + i)).isPresent();
		}
	}

	private Delivery leased(String id, Duration lease) throws InterruptedException {
		this.broker.publish(message(id));
		return this.broker.fetch("q", 1, lease, Duration.ZERO).get(0);
	}

	/**
	 * Waits (in the broker, for the lease to run out) until the message is fetched again.
	 */
	private Delivery assertRedelivered(String id) throws InterruptedException {
		List<Delivery> again = this.broker.fetch("q", 10, Duration.ofSeconds(30), Duration.ofSeconds(10));
		assertThat(again).singleElement().satisfies((delivery) -> {
			assertThat(delivery.id()).isEqualTo(id);
			assertThat(delivery.redelivered()).isTrue();
		});
		return again.get(0);
	}

	private String stateOf(String id) {
		return this.backend.find(id).map(TaskResult::state).orElse("none");
	}

	private static OutboundMessage message(String id) {
		return new OutboundMessage(id, "q", 0, null, id.getBytes(StandardCharsets.UTF_8));
	}

	private static TaskResult success(String id) {
		return new TaskResult(id, "t", "SUCCESS", 42, Map.of(), null, Instant.now());
	}

	private static TaskResult state(String id, String state) {
		return new TaskResult(id, "t", state, null, Map.of(), null, Instant.now());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
