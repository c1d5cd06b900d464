package dev.celerity.observability;

import java.time.Duration;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;

/**
 * Turns task events into the Micrometer meters that are not timings of a publish or an attempt (those are the
 * observations of {@link TaskObservations}): pickup latency and counters of revoked, deferred and dead-lettered
 * tasks, tagged {@code task} and {@code queue}.
 */
public class TaskMetrics implements TaskEventListener {

	/** Timer from the moment a message became ready (sent or its ETA) to its start, tagged {@code task}, {@code queue}. */
	public static final String PICKUP = "celerity.task.pickup";

	/** Counter of revoked, terminated or expired tasks. */
	public static final String REVOKED = "celerity.task.revoked";

	/** Counter of starts deferred by a rate limit. */
	public static final String DEFERRED = "celerity.task.deferred";

	/** Counter of messages moved to a dead-letter store. */
	public static final String DEAD_LETTERS = "celerity.task.dead.letters";

	private final MeterRegistry registry;

	private final Consumer<String> queueSeen;

	/**
	 * Creates the listener.
	 * @param registry where meters go
	 * @param queueSeen told of every queue a task is published to (for the queue gauges)
	 */
	public TaskMetrics(MeterRegistry registry, Consumer<String> queueSeen) {
		this.registry = registry;
		this.queueSeen = queueSeen;
	}

	@Override
	public void onEvent(TaskEvent event) {
		if (event instanceof TaskEvent.TaskPublished published) {
			this.queueSeen.accept(published.queue());
		}
		else if (event instanceof TaskEvent.TaskStarted started && started.waited() != null) {
			Timer.builder(PICKUP).tags(tags(event)).register(this.registry).record(nonNegative(started.waited()));
		}
		else if (event instanceof TaskEvent.TaskRevoked) {
			counter(REVOKED, event).increment();
		}
		else if (event instanceof TaskEvent.TaskDeferred) {
			counter(DEFERRED, event).increment();
		}
		else if (event instanceof TaskEvent.TaskRejected) {
			counter(DEAD_LETTERS, event).increment();
		}
	}

	private Counter counter(String name, TaskEvent event) {
		return Counter.builder(name).tags(tags(event)).register(this.registry);
	}

	private static Tags tags(TaskEvent event) {
		return tags(event.taskName(), event.queue());
	}

	private static Tags tags(String taskName, String queue) {
		return Tags.of("task", (taskName != null) ? taskName : "unknown", "queue", (queue != null) ? queue : "unknown");
	}

	private static Duration nonNegative(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

}
