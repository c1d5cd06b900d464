package dev.celerity.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Task;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.control.memory.InMemoryRevocationStore;
import dev.celerity.publish.PublishInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A finished task's message holds its room in the pool until it is settled: while acknowledgements cannot be
 * written, the pool stops taking messages instead of running ever more tasks whose completions pile up unsettled
 * (and would all run again after a crash).
 */
class SettleBackpressureTests {

	private final Tasks tasks = new Tasks();

	private final CountDownLatch ackEntered = new CountDownLatch(1);

	private final CountDownLatch ackReleased = new CountDownLatch(1);

	private final AtomicBoolean firstAck = new AtomicBoolean(true);

	private final InMemoryBroker broker = new InMemoryBroker() {

		@Override
		public void ackAll(List<Delivery> deliveries) {
			if (SettleBackpressureTests.this.firstAck.getAndSet(false)) {
				SettleBackpressureTests.this.ackEntered.countDown();
				try {
					SettleBackpressureTests.this.ackReleased.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			super.ackAll(deliveries);
		}

	};

	private final WorkerFixture fixture = new WorkerFixture(this.tasks, TimeLimitPolicy.NONE, this.broker, null,
			new InMemoryRevocationStore(Duration.ofMinutes(5)));

	@AfterEach
	void stop() {
		this.ackReleased.countDown();
		this.fixture.close();
	}

	@Test
	void finishedButUnsettledMessagesNeverOutnumberThePoolsRoom() throws InterruptedException {
		this.fixture.worker.start();
		List<AsyncResult<Object>> results = IntStream.range(0, 50)
			.mapToObj((i) -> this.fixture.template.send("quick", i))
			.toList();
		assertThat(this.ackEntered.await(10, TimeUnit.SECONDS)).isTrue();
		// concurrency 2, prefetch 0: the batch being acknowledged has left the room, and the room (2) fills up with
		// finished tasks waiting for the next batch; the other 46 wait in the queue
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
			.until(() -> this.tasks.runs.get() <= 4);
		this.ackReleased.countDown();
		await().atMost(Duration.ofSeconds(20)).until(() -> results.stream().allMatch(AsyncResult::ready));
		assertThat(this.tasks.runs).hasValue(50);
	}

	@Test
	void aMessageItsRunLeavesUnsettledLeavesThePoolAndItsLeaseToRunOut() {
		// an interceptor that swallows the attempt: the run ends without settling the message, as one that gave up
		// on an unavailable broker does
		ExecutionInterceptor swallowing = (message, queue, attempt) -> {
		};
		WorkerFixture swallowed = new WorkerFixture(this.tasks, TimeLimitPolicy.NONE, new InMemoryBroker(), null,
				new InMemoryRevocationStore(Duration.ofMinutes(5)), PublishInterceptor.NONE, swallowing);
		try {
			swallowed.worker.start();
			IntStream.range(0, 5).forEach((i) -> swallowed.template.send("quick", i));
			WorkerPool pool = swallowed.worker.pools().get(0);
			// every message has left the pool: none is renewed forever, and the room is free for the next ones
			await().atMost(Duration.ofSeconds(10))
				.until(() -> pool.processedCount() == 5 && pool.leased().isEmpty());
			assertThat(swallowed.broker.stats("default").leased()).isEqualTo(5);
		}
		finally {
			swallowed.close();
		}
	}

	public static class Tasks {

		final AtomicInteger runs = new AtomicInteger();

		@Task(name = "quick")
		public int quick(int value) {
			this.runs.incrementAndGet();
			return value;
		}

	}

}
