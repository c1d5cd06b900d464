package dev.celerity.benchmarks.reliability;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.celerity.api.Periodic;
import dev.celerity.api.Task;

/**
 * The tasks of the reliability suite. Each execution is named by a key that the producer knows in advance (a plain
 * task's argument, a chain step's input, a chord body's key derived from its header's results), and is recorded in
 * the worker JVM's {@link ExecutionLog} when it starts and when it finishes.
 */
public class ReliabilityTasks {

	private final ExecutionLog log;

	private final long workNanos;

	ReliabilityTasks(ExecutionLog log, long workMillis) {
		this.log = log;
		this.workNanos = TimeUnit.MILLISECONDS.toNanos(workMillis);
	}

	/**
	 * A plain task, or a chord header task.
	 * @param key the execution's key
	 * @return the key
	 */
	@Task(name = "rel.work")
	public String work(String key) {
		run(key, this.workNanos);
		return key;
	}

	/**
	 * A chain step: runs under its input's key and hands the next step its key ({@code c7.0} gives {@code c7.1}).
	 * @param key the execution's key
	 * @return the next step's key
	 */
	@Task(name = "rel.step")
	public String step(String key) {
		run(key, this.workNanos);
		int dot = key.lastIndexOf('.');
		return key.substring(0, dot + 1) + (Integer.parseInt(key.substring(dot + 1)) + 1);
	}

	/**
	 * A chord body: runs under the key {@code <chord>.body}, derived from its header's keys ({@code d7.h0}, ...).
	 * @param keys the header's results
	 * @return the body's key
	 */
	@Task(name = "rel.total")
	public String total(List<String> keys) {
		String first = keys.get(0);
		String key = first.substring(0, first.lastIndexOf('.')) + ".body";
		run(key, 0);
		return key;
	}

	/**
	 * A task that takes as long as it is told, and gives up when its thread is interrupted (a stopping worker past
	 * its shutdown timeout).
	 * @param key the execution's key
	 * @param millis how long it takes
	 * @return the key
	 */
	@Task(name = "rel.slow")
	public String slow(String key, long millis) {
		run(key, TimeUnit.MILLISECONDS.toNanos(millis));
		return key;
	}

	/**
	 * A task that takes any JSON value, for the fuzzing: records the type the value was read as.
	 * @param key the execution's key
	 * @param value any value
	 * @return the value's Java type
	 */
	@Task(name = "rel.anything")
	public String anything(String key, Object value) {
		run(key + " as " + ((value != null) ? value.getClass().getName() : "null"), 0);
		return key;
	}

	/**
	 * The beat's tick, every second when the beat runs.
	 */
	@Task(name = "rel.tick")
	@Periodic(name = "rel-tick", fixedRate = "${reliability.tick:1s}")
	public void tick() {
		this.log.record(ExecutionLog.TICK, Long.toString(System.currentTimeMillis()));
	}

	private void run(String key, long nanos) {
		this.log.record(ExecutionLog.STARTED, key);
		long deadline = System.nanoTime() + nanos;
		for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
			LockSupport.parkNanos(left);
			if (Thread.currentThread().isInterrupted()) {
				this.log.record(ExecutionLog.INTERRUPTED, key);
				throw new IllegalStateException("Interrupted while running " + key);
			}
		}
		this.log.record(ExecutionLog.FINISHED, key);
	}

}
