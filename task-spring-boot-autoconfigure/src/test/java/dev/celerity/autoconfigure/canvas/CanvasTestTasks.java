package dev.celerity.autoconfigure.canvas;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.celerity.api.RemoteError;
import dev.celerity.api.Task;

/**
 * Tasks the workflow tests compose, counting how often each ran.
 */
public class CanvasTestTasks {

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final Queue<String> errbackCalls = new ConcurrentLinkedQueue<>();

	private final Queue<RemoteError> errbackErrors = new ConcurrentLinkedQueue<>();

	private final Queue<Object> callbackValues = new ConcurrentLinkedQueue<>();

	@Task(name = "canvas.add")
	public int add(int a, int b) {
		count("add");
		return a + b;
	}

	@Task(name = "canvas.mul")
	public int mul(int a, int b) {
		count("mul");
		return a * b;
	}

	@Task(name = "canvas.sum")
	public int sum(List<Integer> values) {
		count("sum");
		return values.stream().mapToInt(Integer::intValue).sum();
	}

	@Task(name = "canvas.size")
	public int size(List<Object> values) {
		count("size");
		return values.size();
	}

	@Task(name = "canvas.length")
	public int length(String text) {
		count("length");
		return text.length();
	}

	@Task(name = "canvas.describe")
	public String describe(int value, String unit) {
		count("describe");
		return value + " " + unit;
	}

	@Task(name = "canvas.slow")
	public int slow(int value) {
		count("slow");
		// a little work, so that every worker instance gets a share of a group
		LockSupport.parkNanos(5_000_000);
		return value;
	}

	@Task(name = "canvas.noop")
	public void noop(int index) {
		count("noop");
	}

	@Task(name = "canvas.fail", maxRetries = 1, autoretryFor = IllegalStateException.class, retryBackoff = "10ms",
			retryJitter = false)
	public int fail(int value) {
		count("fail");
		throw new IllegalStateException("boom on " + value);
	}

	@Task(name = "canvas.broken")
	public int broken(int value) {
		count("broken");
		throw new IllegalArgumentException("broken on " + value);
	}

	@Task(name = "canvas.failOnList")
	public int failOnList(List<Object> values) {
		count("failOnList");
		throw new IllegalArgumentException("failed on " + values);
	}

	@Task(name = "canvas.identity")
	public List<Object> identity(List<Object> values) {
		count("identity");
		return values;
	}

	@Task(name = "canvas.routedAdd", queue = AbstractCanvasIntegrationTests.MANUAL_QUEUE, priority = 7)
	public int routedAdd(int a, int b) {
		count("routedAdd");
		return a + b;
	}

	@Task(name = "canvas.onError")
	public void onError(String taskId, RemoteError error) {
		count("onError");
		this.errbackCalls.add(taskId);
		this.errbackErrors.add(error);
	}

	@Task(name = "canvas.record")
	public void record(Object value) {
		count("record");
		this.callbackValues.add(value);
	}

	int calls(String task) {
		return this.calls.getOrDefault(task, new AtomicInteger()).get();
	}

	Queue<String> errbackCalls() {
		return this.errbackCalls;
	}

	Queue<RemoteError> errbackErrors() {
		return this.errbackErrors;
	}

	Queue<Object> callbackValues() {
		return this.callbackValues;
	}

	private void count(String task) {
		this.calls.computeIfAbsent(task, (name) -> new AtomicInteger()).incrementAndGet();
	}

}
