package dev.celerity.autoconfigure.semantics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.celerity.api.Task;
import dev.celerity.api.TaskContext;
import dev.celerity.api.TimeLimit;

/**
 * Tasks of the semantics tests; each records when it started, by its first argument.
 */
public class SemanticsTestTasks {

	private final Map<String, Instant> starts = new ConcurrentHashMap<>();

	private final List<Map<String, Object>> contexts = new CopyOnWriteArrayList<>();

	/** @return when the task called with this label started, or {@code null} */
	Instant startOf(String label) {
		return this.starts.get(label);
	}

	/** @return what the context task saw: queue, priority and headers of each run */
	List<Map<String, Object>> contexts() {
		return this.contexts;
	}

	@Task(name = "semantics.greet")
	public String greet(String greeting, String name) {
		this.starts.put(greeting, Instant.now());
		return greeting + " " + name;
	}

	@Task(name = "semantics.repeat")
	public String repeat(int length) {
		return "y".repeat(length);
	}

	@Task(name = "semantics.stamp")
	public String stamp(String label) {
		this.starts.put(label, Instant.now());
		return label;
	}

	@Task(name = "semantics.autoretry", autoretryFor = IllegalStateException.class, maxRetries = 1,
			retryBackoff = "10ms")
	public void autoretry(String label) {
		throw new IllegalStateException("still broken: " + label);
	}

	@Task(name = "semantics.manualRetry", maxRetries = 1)
	public void manualRetry(TaskContext context) {
		throw context.retry(Duration.ofMillis(10), new UnsupportedOperationException("not supported yet"));
	}

	@Task(name = "semantics.quiet", ignoreResult = true)
	public String quiet(String label) {
		this.starts.put(label, Instant.now());
		return label;
	}

	@Task(name = "semantics.sleep")
	@TimeLimit(hard = "30s")
	public String sleep(String label, long millis) throws InterruptedException {
		this.starts.put(label, Instant.now());
		Thread.sleep(millis);
		return label;
	}

	@Task(name = "semantics.context")
	public String context(TaskContext context) {
		this.contexts.add(Map.of("queue", context.queue(), "priority", context.priority(), "headers",
				Map.copyOf(context.headers())));
		return context.id();
	}

	@Task(name = "semantics.limited", rateLimit = "0.5/s")
	public String limited(String label) {
		this.starts.put(label, Instant.now());
		return label;
	}

}
