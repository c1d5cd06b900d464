package dev.celerity.benchmarks.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.canvas.Chain;
import dev.celerity.canvas.WorkflowTemplate;

import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.group;

/**
 * The suite's load: per block of 100 executions, 60 plain tasks (sent in one batch), 5 chains of 4 steps and 4
 * chords of 4 header tasks and a body. The keys of an execution are known before it is sent, and are recorded as
 * expected only once the send returned normally (an acknowledged publish).
 */
final class MixedLoad {

	static final int BLOCK = 100;

	private static final int PLAIN = 60;

	private static final int CHAINS = 5;

	private static final int CHAIN_STEPS = 4;

	private static final int CHORDS = 4;

	private static final int HEADER = 4;

	private final TaskTemplate tasks;

	private final WorkflowTemplate workflows;

	private final Set<String> expected = ConcurrentHashMap.newKeySet();

	private final AtomicLong failedSends = new AtomicLong();

	private volatile RuntimeException lastFailure;

	private final Map<String, Integer> failureTypes = new ConcurrentHashMap<>();

	MixedLoad(TaskTemplate tasks, WorkflowTemplate workflows) {
		this.tasks = tasks;
		this.workflows = workflows;
	}

	/**
	 * Sends blocks of load; a send that throws is counted and its executions are not expected.
	 * @param blocks how many blocks of {@value #BLOCK} executions
	 */
	void send(int blocks) {
		for (int block = 0; block < blocks; block++) {
			sendBlock(block);
		}
	}

	/**
	 * Sends blocks of load at a steady rate, so that faults land in the middle of it; a block whose sends wait on
	 * an unreachable broker delays the next ones, which then follow as fast as they can until the rate is met.
	 * @param blocks how many blocks of {@value #BLOCK} executions
	 * @param blocksPerSecond the rate
	 */
	void sendPaced(int blocks, int blocksPerSecond) {
		long start = System.nanoTime();
		for (int block = 0; block < blocks; block++) {
			long due = start + block * 1_000_000_000L / blocksPerSecond;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			sendBlock(block);
		}
	}

	void sendBlock(int block) {
		List<Signature<String>> plain = new ArrayList<>(PLAIN);
		List<String> plainKeys = new ArrayList<>(PLAIN);
		for (int i = 0; i < PLAIN; i++) {
			String key = "p" + block + "." + i;
			plain.add(Signature.of("rel.work", String.class, key));
			plainKeys.add(key);
		}
		attempt(plainKeys, () -> this.tasks.sendAll(plain));
		Signature<String> step = Signature.of("rel.step", String.class);
		for (int c = 0; c < CHAINS; c++) {
			String name = "c" + block + "." + c;
			Chain<String> steps = chain(step.clone(name + ".0"));
			List<String> keys = new ArrayList<>();
			keys.add(name + ".0");
			for (int s = 1; s < CHAIN_STEPS; s++) {
				steps = steps.then(step);
				keys.add(name + "." + s);
			}
			Chain<String> workflow = steps;
			attempt(keys, () -> this.workflows.send(workflow));
		}
		for (int d = 0; d < CHORDS; d++) {
			String name = "d" + block + "." + d;
			List<Signature<String>> header = new ArrayList<>();
			List<String> keys = new ArrayList<>();
			for (int h = 0; h < HEADER; h++) {
				header.add(Signature.of("rel.work", String.class, name + ".h" + h));
				keys.add(name + ".h" + h);
			}
			keys.add(name + ".body");
			attempt(keys, () -> this.workflows.send(chord(group(header), Signature.of("rel.total", String.class))));
		}
	}

	private void attempt(List<String> keys, Runnable send) {
		try {
			send.run();
			this.expected.addAll(keys);
		}
		catch (RuntimeException ex) {
			this.failedSends.incrementAndGet();
			this.failureTypes.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
			this.lastFailure = ex;
		}
	}

	Set<String> expected() {
		return this.expected;
	}

	long failedSends() {
		return this.failedSends.get();
	}

	/**
	 * Describes the failed sends: how many, of which exception types, and the last one's message.
	 * @return the description
	 */
	String failureSummary() {
		RuntimeException last = this.lastFailure;
		return this.failedSends.get() + " sends refused " + new TreeMap<>(this.failureTypes)
				+ ((last != null) ? ", the last: " + last.getMessage() : "");
	}

	RuntimeException lastFailure() {
		return this.lastFailure;
	}

}
