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
 * Turns task events into Micrometer meters tagged by task and queue: run time by outcome, pickup latency, and
 * counters of published, retried, failed, revoked and dead-lettered tasks (rate-limit deferrals are counted by the
 * rate limiter as {@code celerity.tasks.deferred}).
 */
public class TaskMetrics implements TaskEventListener {

	/** Timer of task runs, tagged {@code task}, {@code queue}, {@code outcome} (success, failure). */
	public static final String DURATION = "celerity.task.duration";

	/** Timer from the moment a message became ready (sent or its ETA) to its start, tagged {@code task}, {@code queue}. */
	public static final String PICKUP = "celerity.task.pickup";

	/** Counter of published tasks. */
	public static final String PUBLISHED = "celerity.task.published";

	/** Counter of retries. */
	public static final String RETRIES = "celerity.task.retries";

	/** Counter of tasks failed for good, also tagged {@code exception}. */
	public static final String FAILURES = "celerity.task.failures";

	/** Counter of revoked or expired tasks. */
	public static final String REVOKED = "celerity.task.revoked";

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
			counter(PUBLISHED, event).increment();
		}
		else if (event instanceof TaskEvent.TaskStarted started && started.waited() != null) {
			Timer.builder(PICKUP).tags(tags(event)).register(this.registry).record(nonNegative(started.waited()));
		}
		else if (event instanceof TaskEvent.TaskSucceeded succeeded) {
			duration(event, "success", succeeded.runtime());
		}
		else if (event instanceof TaskEvent.TaskFailed failed) {
			duration(event, "failure", failed.runtime());
			String exception = (failed.error() != null) ? failed.error().type() : "unknown";
			Counter.builder(FAILURES).tags(tags(event).and("exception", simpleName(exception)))
				.register(this.registry)
				.increment();
		}
		else if (event instanceof TaskEvent.TaskRetried) {
			counter(RETRIES, event).increment();
		}
		else if (event instanceof TaskEvent.TaskRevoked) {
			counter(REVOKED, event).increment();
		}
		else if (event instanceof TaskEvent.TaskRejected) {
			counter(DEAD_LETTERS, event).increment();
		}
	}

	private void duration(TaskEvent event, String outcome, Duration runtime) {
		if (runtime != null) {
			Timer.builder(DURATION).tags(tags(event).and("outcome", outcome)).register(this.registry).record(runtime);
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

	private static String simpleName(String type) {
		return type.substring(type.lastIndexOf('.') + 1);
	}

}
