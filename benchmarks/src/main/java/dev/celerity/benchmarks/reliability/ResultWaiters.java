package dev.celerity.benchmarks.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;

/**
 * Callers that send a task and block in {@link AsyncResult#get(Duration)} for its result, one after another on a
 * few threads, paced over a run: each got result, failed wait and failed send is counted, failures by type.
 */
final class ResultWaiters {

	private final TaskTemplate tasks;

	private final Set<String> expected = ConcurrentHashMap.newKeySet();

	private final AtomicInteger got = new AtomicInteger();

	private final AtomicInteger sendFailures = new AtomicInteger();

	private final Map<String, Integer> waitFailures = new TreeMap<>();

	private final Thread[] threads;

	ResultWaiters(TaskTemplate tasks, int threads, int perThread, Duration pause, Duration timeout) {
		this.tasks = tasks;
		this.threads = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			int thread = t;
			this.threads[t] = new Thread(() -> {
				for (int i = 0; i < perThread; i++) {
					waitFor("w" + thread + "." + i, timeout);
					LockSupport.parkNanos(pause.toNanos());
				}
			}, "reliability-waiter-" + t);
			this.threads[t].start();
		}
	}

	private void waitFor(String key, Duration timeout) {
		AsyncResult<String> result;
		try {
			result = this.tasks.send(Signature.of("rel.work", String.class, key));
		}
		catch (RuntimeException ex) {
			this.sendFailures.incrementAndGet();
			return;
		}
		this.expected.add(key);
		try {
			if (key.equals(result.get(timeout))) {
				this.got.incrementAndGet();
			}
			else {
				failed("wrong result");
			}
		}
		catch (RuntimeException ex) {
			failed(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private synchronized void failed(String why) {
		this.waitFailures.merge(why, 1, Integer::sum);
	}

	void join() throws InterruptedException {
		for (Thread thread : this.threads) {
			thread.join();
		}
	}

	boolean running() {
		for (Thread thread : this.threads) {
			if (thread.isAlive()) {
				return true;
			}
		}
		return false;
	}

	Set<String> expected() {
		return this.expected;
	}

	int waited() {
		return this.expected.size();
	}

	int got() {
		return this.got.get();
	}

	synchronized String summary() {
		return String.format("%d of %d AsyncResult.get waiters got their result (%d sends refused); failed waits: %s",
				this.got.get(), this.expected.size(), this.sendFailures.get(), this.waitFailures);
	}

}
