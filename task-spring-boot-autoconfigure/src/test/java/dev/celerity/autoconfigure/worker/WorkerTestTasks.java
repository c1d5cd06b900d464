package dev.celerity.autoconfigure.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.event.EventListener;

import dev.celerity.api.Task;
import dev.celerity.api.TaskContext;
import dev.celerity.api.TaskInterceptor;
import dev.celerity.api.TaskInvocation;
import dev.celerity.api.TaskTemplate;
import dev.celerity.events.TaskEvent;

/**
 * Tasks that record every attempt, for the worker tests.
 */
public class WorkerTestTasks {

	/** One recorded attempt. */
	public record Attempt(String task, String id, Object argument, int retries, Instant at) {
	}

	private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	private final TaskTemplate tasks;

	private volatile CountDownLatch gate = new CountDownLatch(0);

	public WorkerTestTasks(TaskTemplate tasks) {
		this.tasks = tasks;
	}

	public List<Attempt> attempts() {
		return List.copyOf(this.attempts);
	}

	public List<Attempt> attempts(String task) {
		return this.attempts.stream().filter((attempt) -> attempt.task().equals(task)).toList();
	}

	public void closeGate() {
		this.gate = new CountDownLatch(1);
	}

	public void openGate() {
		this.gate.countDown();
	}

	public void failTimes(String key, int times) {
		this.failuresLeft.put(key, new AtomicInteger(times));
	}

	private void record(String task, TaskContext context, Object argument) {
		this.attempts.add(new Attempt(task, context.id(), argument, context.retries(), Instant.now()));
	}

	@Task(name = "test.echo")
	public String echo(String text, TaskContext context) {
		record("test.echo", context, text);
		return text;
	}

	@Task(name = "test.gated")
	public int gated(int number, TaskContext context) throws InterruptedException {
		record("test.gated", context, number);
		this.gate.await(20, TimeUnit.SECONDS);
		return number;
	}

	@Task(name = "test.flaky", autoretryFor = IllegalStateException.class, maxRetries = 3, retryBackoff = "200ms",
			retryJitter = false)
	public String flaky(String key, TaskContext context) {
		record("test.flaky", context, key);
		if (this.failuresLeft.get(key).getAndDecrement() > 0) {
			throw new IllegalStateException("flaky " + key);
		}
		return "ok " + key;
	}

	@Task(name = "test.hopeless", autoretryFor = IllegalStateException.class, maxRetries = 2, retryBackoff = "20ms")
	public void hopeless(TaskContext context) {
		record("test.hopeless", context, null);
		throw new IllegalStateException("still broken");
	}

	@Task(name = "test.manualRetry", maxRetries = 1)
	public String manualRetry(TaskContext context) {
		record("test.manualRetry", context, null);
		if (context.retries() == 0) {
			throw context.retry(Duration.ofMillis(300), new IllegalStateException("not yet"));
		}
		return "done";
	}

	@Task(name = "test.progress")
	public String progress(TaskContext context) throws InterruptedException {
		context.updateState("PROCESSING", Map.of("step", 1, "total", 2));
		this.gate.await(20, TimeUnit.SECONDS);
		return "finished";
	}

	@Task(name = "test.explode")
	public void explode(long orderId) {
		throw new IllegalArgumentException("bad order " + orderId);
	}

	@Task(name = "test.waitInside")
	public Object waitInside() {
		return this.tasks.send("test.echo", "inner").get(Duration.ofSeconds(5));
	}

	@Task(name = "test.threadKind")
	public String threadKind() {
		return Thread.currentThread().getClass().getSimpleName();
	}

	@Task(name = "test.add")
	public int add(int a, int b) {
		return a + b;
	}

	@Task(name = "test.audited", interceptors = "auditInterceptor")
	public String audited(String text) {
		if (text.equals("fail")) {
			throw new IllegalStateException("audited failure");
		}
		return text;
	}

	/**
	 * Records the events it is told about.
	 */
	public static class EventRecorder {

		private final Queue<TaskEvent> events = new ConcurrentLinkedQueue<>();

		@EventListener
		void on(TaskEvent event) {
			this.events.add(event);
		}

		public <E extends TaskEvent> List<E> events(Class<E> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

	/**
	 * An interceptor that records the hooks it sees.
	 */
	public static class RecordingInterceptor implements TaskInterceptor {

		private final Queue<String> calls = new ConcurrentLinkedQueue<>();

		@Override
		public void beforeRun(TaskInvocation invocation) {
			this.calls.add("before " + invocation.taskName());
		}

		@Override
		public void afterReturn(TaskInvocation invocation, Object result) {
			this.calls.add("after " + invocation.taskName() + " " + result);
		}

		@Override
		public void onFailure(TaskInvocation invocation, Throwable failure) {
			this.calls.add("failure " + invocation.taskName() + " " + failure.getMessage());
		}

		public List<String> calls() {
			return List.copyOf(this.calls);
		}

	}

}
