package dev.celerity.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.celerity.backend.ChordProgress;
import dev.celerity.backend.TaskResult;
import dev.celerity.backend.redis.RedisChordStore;
import dev.celerity.backend.redis.RedisResultBackend;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.redis.RedisBroker;
import dev.celerity.message.MessageCodec;
import dev.celerity.testing.redis.OwnRedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Settling on a real Redis whose client connections are killed just before each settle ({@code CLIENT KILL TYPE
 * normal}), the client rejecting commands until it has reconnected: the result is stored and the message
 * acknowledged once the connection is back, within the settle timeout, instead of being left to its lease and run
 * again.
 */
class DeliverySettlerReconnectTests {

	private static final int MESSAGES = 20;

	private final OwnRedisServer redis = new OwnRedisServer().start();

	private final RedisBroker broker = new RedisBroker(this.redis.connectionFactory());

	private final RedisResultBackend backend = new RedisResultBackend(this.redis.connectionFactory(),
			new MessageCodec(), "settle");

	@AfterEach
	void stop() {
		this.backend.close();
		this.redis.close();
	}

	@Test
	void aSettleJustAfterTheConnectionWasKilledStoresAndAcknowledgesOnceItIsBack() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.backend, Duration.ofMinutes(5),
				Duration.ofSeconds(5));
		for (int i = 0; i < MESSAGES; i++) {
			this.broker.publish(new OutboundMessage("m" + i, "q", 0, null, ("m" + i).getBytes(StandardCharsets.UTF_8)));
		}
		// leases far longer than the test: a message left unacknowledged stays leased
		List<Delivery> leased = this.broker.fetch("q", MESSAGES, Duration.ofMinutes(5), Duration.ZERO);
		assertThat(leased).hasSize(MESSAGES);
		for (int i = 0; i < MESSAGES; i++) {
			Delivery delivery = leased.get(i);
			this.redis.killClients("normal");
			// batched (stored with the batch) and unbatched (stored at once, acknowledged with the batch)
			settler.complete(delivery, success(delivery.id()), null, i % 2 == 0);
			settler.flush();
		}
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.broker.stats("q").leased()).isZero());
		for (Delivery delivery : leased) {
			assertThat(this.backend.find(delivery.id())).hasValueSatisfying(
					(result) -> assertThat(result.state()).isEqualTo("SUCCESS"));
		}
	}

	@Test
	void aDeadLetterJustAfterTheConnectionWasKilledIsWrittenOnceItIsBack() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.backend, Duration.ofMinutes(5),
				Duration.ofSeconds(5));
		this.broker.publish(new OutboundMessage("bad", "q", 0, null, "bad".getBytes(StandardCharsets.UTF_8)));
		Delivery delivery = this.broker.fetch("q", 1, Duration.ofMinutes(5), Duration.ZERO).get(0);
		this.redis.killClients("normal");
		settler.deadLetter(delivery, null, null, "unreadable");
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
			assertThat(this.broker.stats("q").leased()).isZero();
			assertThat(this.broker.stats("q").deadLetters()).isEqualTo(1);
		});
	}

	@Test
	void aWorkflowFollowUpJustAfterTheConnectionWasKilledRunsOnceItIsBackAndTheMessageIsAcknowledged()
			throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.backend, Duration.ofMinutes(5),
				Duration.ofSeconds(5));
		RedisChordStore chords = new RedisChordStore(this.redis.connectionFactory(), new MessageCodec(), "settle");
		for (int i = 0; i < MESSAGES; i++) {
			this.broker.publish(new OutboundMessage("h" + i, "q", 0, null, ("h" + i).getBytes(StandardCharsets.UTF_8)));
		}
		List<Delivery> leased = this.broker.fetch("q", MESSAGES, Duration.ofMinutes(5), Duration.ZERO);
		List<ChordProgress> progress = new CopyOnWriteArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			int index = i;
			this.redis.killClients("normal");
			// a chord header's follow-up: its progress is recorded before the message is acknowledged
			settler.complete(leased.get(i), null,
					() -> progress.add(chords.complete("chord", index, MESSAGES, index, Duration.ofMinutes(5))),
					false);
			settler.flush();
		}
		assertThat(progress).extracting(ChordProgress::completed).containsExactly(
				java.util.stream.IntStream.rangeClosed(1, MESSAGES).boxed().toArray(Integer[]::new));
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(this.broker.stats("q").leased()).isZero());
	}

	@Test
	void aMessageGivenBackFromAnInterruptedThreadIsReadyAgainAtOnce() throws Exception {
		DeliverySettler settler = new DeliverySettler(this.broker, this.backend, Duration.ofMinutes(5),
				Duration.ofSeconds(5));
		this.broker.publish(new OutboundMessage("stopping", "q", 0, null, "s".getBytes(StandardCharsets.UTF_8)));
		Delivery delivery = this.broker.fetch("q", 1, Duration.ofMinutes(5), Duration.ZERO).get(0);
		// as a task interrupted by a stopping worker leaves its thread
		Thread.currentThread().interrupt();
		try {
			settler.release(delivery);
			assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(this.broker.stats("q").leased()).isZero();
		assertThat(this.broker.fetch("q", 1, Duration.ofMinutes(5), Duration.ZERO)).extracting(Delivery::id)
			.containsExactly("stopping");
	}

	private static TaskResult success(String id) {
		return new TaskResult(id, "t", "SUCCESS", 42, Map.of(), null, Instant.now());
	}

}
