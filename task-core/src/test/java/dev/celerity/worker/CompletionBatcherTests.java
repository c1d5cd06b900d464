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

class CompletionBatcherTests {

	private static final Duration TTL = Duration.ofMinutes(5);

	private final List<String> acknowledgedWithResultVisible = new CopyOnWriteArrayList<>();

	private final List<Integer> ackBatchSizes = new CopyOnWriteArrayList<>();

	private final InMemoryResultBackend backend = new InMemoryResultBackend(new MessageCodec());

	private final InMemoryBroker broker = new InMemoryBroker() {

		@Override
		public void ackAll(List<Delivery> deliveries) {
			CompletionBatcherTests.this.ackBatchSizes.add(deliveries.size());
			deliveries.stream()
				.filter((delivery) -> CompletionBatcherTests.this.backend.find(delivery.id()).isPresent())
				.forEach((delivery) -> CompletionBatcherTests.this.acknowledgedWithResultVisible.add(delivery.id()));
			super.ackAll(deliveries);
		}

	};

	@Test
	void resultIsStoredAndFollowedUpBeforeTheMessageIsAcknowledged() throws Exception {
		CompletionBatcher batcher = new CompletionBatcher(this.broker, this.backend, TTL);
		Delivery delivery = leased("task-1", Duration.ofSeconds(30));
		List<String> followUps = new ArrayList<>();
		batcher.complete(success("task-1"), delivery,
				() -> followUps.add("after " + this.backend.find("task-1").map(TaskResult::state).orElse("nothing")));
		assertThat(this.ackBatchSizes).isEmpty();
		batcher.flush();
		assertThat(followUps).containsExactly("after SUCCESS");
		assertThat(this.acknowledgedWithResultVisible).containsExactly("task-1");
		assertThat(this.broker.publish(message("task-1"))).as("acknowledged, so its id is free again").isTrue();
	}

	@Test
	void messageWhoseResultCouldNotBeStoredIsRedeliveredNotLost() throws Exception {
		InMemoryResultBackend failing = new InMemoryResultBackend(new MessageCodec()) {

			@Override
			public void storeAll(List<TaskResult> results, Duration timeToLive) {
				throw new IllegalStateException("Redis is down");
			}

		};
		CompletionBatcher batcher = new CompletionBatcher(this.broker, failing, TTL);
		Delivery unstored = leased("unstored", Duration.ofMillis(300));
		Delivery alreadyRecorded = leased("recorded", Duration.ofSeconds(30));
		List<String> followUps = new ArrayList<>();
		batcher.complete(success("unstored"), unstored, () -> followUps.add("unstored"));
		batcher.ack(alreadyRecorded);
		batcher.flush();
		assertThat(followUps).as("nothing follows a result that was not stored").isEmpty();
		List<Delivery> again = this.broker.fetch("q", 10, Duration.ofSeconds(30), Duration.ofSeconds(10));
		assertThat(again).singleElement().satisfies((delivery) -> {
			assertThat(delivery.id()).isEqualTo("unstored");
			assertThat(delivery.redelivered()).isTrue();
		});
		assertThat(this.broker.publish(message("recorded"))).as("an ack without a result still goes out").isTrue();
	}

	@Test
	void messageIsNotAcknowledgedBeforeItIsFlushedSoACrashBeforeTheFlushRedeliversIt() throws Exception {
		CompletionBatcher crashed = new CompletionBatcher(this.broker, this.backend, TTL);
		crashed.complete(success("crashing"), leased("crashing", Duration.ofMillis(300)), null);
		// the worker dies here: the batcher is never flushed
		List<Delivery> again = this.broker.fetch("q", 1, Duration.ofSeconds(30), Duration.ofSeconds(10));
		assertThat(again).singleElement().satisfies((delivery) -> {
			assertThat(delivery.id()).isEqualTo("crashing");
			assertThat(delivery.redelivered()).isTrue();
		});
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
		CompletionBatcher batcher = new CompletionBatcher(this.broker, slow, TTL);
		batcher.complete(success("first"), leased("first", Duration.ofSeconds(30)), null);
		CompletableFuture<Void> writer = CompletableFuture.runAsync(batcher::flush);
		assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 5; i++) {
			batcher.complete(success("next-" + i), leased("next-" + i, Duration.ofSeconds(30)), null);
			batcher.flush();
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

	private static OutboundMessage message(String id) {
		return new OutboundMessage(id, "q", 0, null, id.getBytes(StandardCharsets.UTF_8));
	}

	private static TaskResult success(String id) {
		return new TaskResult(id, "t", "SUCCESS", 42, Map.of(), null, Instant.now());
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
