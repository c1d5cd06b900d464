package dev.celerity.observability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.celerity.api.RemoteError;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.events.TaskEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task events become timers and counters; queue gauges show the last sample.
 */
class TaskMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final InMemoryBroker broker = new InMemoryBroker();

	private final QueueMetrics queues = new QueueMetrics(this.broker, this.registry, Duration.ofSeconds(10));

	private final TaskMetrics metrics = new TaskMetrics(this.registry, this.queues::track);

	@Test
	void eventsMoveThePickupTimerAndTheCountersTaggedByTaskAndQueueButNoRunTimings() {
		this.metrics.onEvent(new TaskEvent.TaskPublished("1", "add", "math", 0, null));
		this.metrics.onEvent(new TaskEvent.TaskStarted("1", "add", "math", 0, Duration.ofMillis(40), "[1, 2]"));
		this.metrics.onEvent(new TaskEvent.TaskSucceeded("1", "add", "math", Duration.ofMillis(12)));
		this.metrics.onEvent(new TaskEvent.TaskFailed("2", "add", "math", 0,
				new RemoteError("java.lang.IllegalStateException", "x", List.of()), Duration.ofMillis(3)));
		this.metrics.onEvent(new TaskEvent.TaskRejected("3", null, "math", "unknown task"));
		this.metrics.onEvent(new TaskEvent.TaskRevoked("4", "add", "math", "revoked"));
		this.metrics.onEvent(new TaskEvent.TaskDeferred("5", "add", "math", Instant.now(), "rate limit 1/s"));
		assertThat(this.registry.get(TaskMetrics.PICKUP).timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
			.isEqualTo(40);
		assertThat(this.registry.get(TaskMetrics.DEAD_LETTERS).tag("task", "unknown").counter().count()).isEqualTo(1);
		assertThat(this.registry.get(TaskMetrics.REVOKED).counter().count()).isEqualTo(1);
		assertThat(this.registry.get(TaskMetrics.DEFERRED).tags("task", "add", "queue", "math").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get(QueueMetrics.DELAYED).tag("queue", "math").gauge()).isNotNull();
		// runs and publishes are timed by the observations (TaskObservations), once
		assertThat(this.registry.getMeters()).extracting((meter) -> meter.getId().getName())
			.containsOnly(TaskMetrics.PICKUP, TaskMetrics.DEAD_LETTERS, TaskMetrics.REVOKED, TaskMetrics.DEFERRED,
					QueueMetrics.DELAYED, QueueMetrics.DEAD_LETTERS);
	}

	@Test
	void queueGaugesShowTheLastSampleByPriority() {
		this.queues.track("math");
		publish("a", 0, null);
		publish("b", 7, null);
		publish("c", 7, null);
		publish("d", 0, Instant.now().plusSeconds(60));
		assertThat(this.registry.find(QueueMetrics.DEPTH).gauges()).isEmpty();
		this.queues.sample();
		assertThat(this.registry.get(QueueMetrics.DEPTH).tags("queue", "math", "priority", "7").gauge().value())
			.isEqualTo(2);
		assertThat(this.registry.get(QueueMetrics.DEPTH).tags("queue", "math", "priority", "0").gauge().value())
			.isEqualTo(1);
		assertThat(this.registry.get(QueueMetrics.DELAYED).tag("queue", "math").gauge().value()).isEqualTo(1);
		this.broker.purge("math");
		assertThat(this.registry.get(QueueMetrics.DEPTH).tags("queue", "math", "priority", "7").gauge().value())
			.as("gauges read the sample, not the broker").isEqualTo(2);
		this.queues.sample();
		assertThat(this.registry.get(QueueMetrics.DEPTH).tags("queue", "math", "priority", "7").gauge().value())
			.isZero();
	}

	@Test
	void workerMetricsReadActiveAndProcessedCounts() {
		AtomicInteger active = new AtomicInteger(3);
		new WorkerMetrics(active::get, () -> 11L).bindTo(this.registry);
		assertThat(this.registry.get(WorkerMetrics.ACTIVE).gauge().value()).isEqualTo(3);
		assertThat(this.registry.get(WorkerMetrics.PROCESSED).functionCounter().count()).isEqualTo(11);
	}

	private void publish(String id, int priority, Instant readyAt) {
		this.broker.publish(new OutboundMessage(id, "math", priority, readyAt, "{}".getBytes(StandardCharsets.UTF_8)));
	}

}
