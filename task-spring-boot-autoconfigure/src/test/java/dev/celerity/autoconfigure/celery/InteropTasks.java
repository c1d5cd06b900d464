package dev.celerity.autoconfigure.celery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.celerity.api.Task;
import dev.celerity.api.TaskContext;

/**
 * The Java tasks that Python calls in the interop tests.
 */
public class InteropTasks {

	final List<String> recorded = new CopyOnWriteArrayList<>();

	final Map<String, Instant> started = new ConcurrentHashMap<>();

	@Task(name = "java.add")
	public int add(int x, int y) {
		return x + y;
	}

	@Task(name = "java.flaky", maxRetries = 3)
	public String flaky(String label, TaskContext context) {
		if (context.retries() < 2) {
			throw context.retry(Duration.ofMillis(200), new IllegalStateException("not yet: " + label));
		}
		return label + " after " + context.retries() + " retries";
	}

	@Task(name = "java.record")
	public String record(String label) {
		this.recorded.add(label);
		return label;
	}

	@Task(name = "java.stamp")
	public String stamp(String label) {
		this.started.put(label, Instant.now());
		return label;
	}

	@Task(name = "java.slow")
	public String slow(String label, int millis) throws InterruptedException {
		// a worker JVM that is to be killed says which tasks it began on its standard output
		System.out.println("started " + label);
		Thread.sleep(millis);
		return label;
	}

	@Task(name = "java.fail")
	public void fail(String message) {
		throw new IllegalArgumentException(message);
	}

	@Task(name = "java.sum")
	public int sum(List<Integer> values) {
		return values.stream().mapToInt(Integer::intValue).sum();
	}

}
