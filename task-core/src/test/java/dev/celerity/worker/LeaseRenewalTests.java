package dev.celerity.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Task;
import dev.celerity.api.TaskContextHolder;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.control.memory.InMemoryRevocationStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lease renewal never takes a message that was just settled for a lost lease, and still reports a lease really lost.
 */
class LeaseRenewalTests {

	private final Tasks tasks = new Tasks();

	private final List<Delivery> lostAfterSettling = new CopyOnWriteArrayList<>();

	private volatile LeaseKeeper keeper;

	private volatile boolean leasesLost;

	private final InMemoryBroker broker = new InMemoryBroker() {

		@Override
		public void ackAll(List<Delivery> deliveries) {
			super.ackAll(deliveries);
			renewRightAfterSettling();
		}

		@Override
		public void requeue(Delivery delivery, OutboundMessage next) {
			super.requeue(delivery, next);
			renewRightAfterSettling();
		}

		@Override
		public boolean extendLease(Delivery delivery, Duration lease) {
			// a lease that expired and went to another worker
			return !LeaseRenewalTests.this.leasesLost && super.extendLease(delivery, lease);
		}

	};

	private final WorkerFixture fixture = new WorkerFixture(this.tasks, TimeLimitPolicy.NONE, this.broker, null,
			new InMemoryRevocationStore(Duration.ofMinutes(5)));

	@AfterEach
	void stop() {
		this.tasks.release.countDown();
		this.fixture.close();
	}

	@Test
	void messageSettledByAnyThreadIsNeverReportedAsALostLease() {
		this.keeper = new LeaseKeeper(this.broker, this.fixture.worker.pools());
		this.fixture.worker.start();
		List<AsyncResult<Object>> results = IntStream.range(0, 40)
			.mapToObj((i) -> this.fixture.template.send((i % 4 == 0) ? "flaky" : "quick", i))
			.toList();
		await().atMost(Duration.ofSeconds(20)).until(() -> results.stream().allMatch(AsyncResult::ready));
		assertThat(this.tasks.retried).as("the retried tasks were requeued").isPositive();
		assertThat(this.lostAfterSettling).isEmpty();
	}

	@Test
	void leaseLostWhileTheTaskStillRunsIsReported() throws InterruptedException {
		this.keeper = new LeaseKeeper(this.broker, this.fixture.worker.pools());
		this.fixture.worker.start();
		AsyncResult<Object> result = this.fixture.template.send("block");
		assertThat(this.tasks.started.await(10, TimeUnit.SECONDS)).isTrue();
		this.leasesLost = true;
		assertThat(this.keeper.renew(this.fixture.worker.pools().get(0))).extracting(Delivery::id)
			.containsExactly(result.id());
	}

	// what the lease keeper's thread sees when it renews right after the broker settled a message (the settled
	// message's lease token is gone, so its renewal fails), before the worker thread that ran it returns
	private void renewRightAfterSettling() {
		LeaseKeeper current = this.keeper;
		if (current != null) {
			this.fixture.worker.pools().forEach((pool) -> this.lostAfterSettling.addAll(current.renew(pool)));
		}
	}

	public static class Tasks {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		volatile int retried;

		@Task(name = "quick")
		public int quick(int value) {
			return value;
		}

		@Task(name = "flaky", maxRetries = 1, retryBackoff = "1ms", autoretryFor = IllegalStateException.class)
		public int flaky(int value) {
			if (TaskContextHolder.current().orElseThrow().retries() == 0) {
				this.retried++;
				throw new IllegalStateException("first attempt fails");
			}
			return value;
		}

		@Task(name = "block")
		public void block() throws InterruptedException {
			this.started.countDown();
			this.release.await();
		}

	}

}
