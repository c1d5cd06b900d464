package dev.celerity.benchmarks.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;

/**
 * Two worker JVMs run tasks of 10 ms to 6 s; three times, one of them gets SIGTERM (as {@code docker stop} or
 * Kubernetes sends it) and a new JVM takes its place. Expected: the stopping JVM exits within its shutdown timeout
 * (3 s here) plus the context's close; a task that finishes within it is not run again, one still running then is
 * interrupted and given back, and runs again elsewhere; nothing is lost.
 */
final class SigtermScenario implements Scenario {

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(3);

	private static final List<String> WORKER = List.of("celerity.worker.shutdown-timeout=" + SHUTDOWN_TIMEOUT.toSeconds()
			+ "s", "celerity.worker.prefetch=4");

	private final int tasks;

	SigtermScenario(int tasks) {
		this.tasks = tasks;
	}

	@Override
	public String name() {
		return "sigterm";
	}

	@Override
	public Outcome run(ReliabilityRun run) throws Exception {
		WorkerProcess[] workers = { WorkerProcess.start(run, "term-a0", List.of(), WORKER),
				WorkerProcess.start(run, "term-b0", List.of(), WORKER) };
		Set<String> expected = send(run.bean(TaskTemplate.class));
		Set<String> interrupted = new HashSet<>();
		Set<String> finishedWhileStopping = new HashSet<>();
		StringBuilder notes = new StringBuilder();
		long start = System.nanoTime();
		try {
			for (int stop = 1; stop <= 3; stop++) {
				int threshold = this.tasks * stop / 4;
				Waits.until(Duration.ofMinutes(10), threshold + " tasks finished",
						() -> run.executions().finishedCount() >= threshold);
				int index = (stop - 1) % 2;
				WorkerProcess victim = workers[index];
				// the signal lands just after a task of 5 s or more started, so that the shutdown timeout ends it,
				// while the others running then may finish within it
				Set<String> seen = new HashSet<>(run.inFlight(victim));
				Waits.within(Duration.ofSeconds(60), () -> {
					Set<String> now = run.inFlight(victim);
					boolean fresh = now.stream().anyMatch((key) -> !seen.contains(key) && millisOf(key) >= 5000);
					seen.addAll(now);
					return fresh;
				});
				Set<String> running = run.inFlight(victim);
				long signalled = System.nanoTime();
				victim.terminate();
				boolean exited = victim.awaitExit(Duration.ofSeconds(60));
				double took = (System.nanoTime() - signalled) / 1e9;
				Set<String> gaveBack = run.executions().interruptedIn(victim.executionLog());
				gaveBack.retainAll(running);
				Set<String> finished = new HashSet<>(running);
				finished.retainAll(run.executions().finishedIn(victim.executionLog()));
				interrupted.addAll(gaveBack);
				finishedWhileStopping.addAll(finished);
				notes.append(String.format("SIGTERM %d to %s: %d running, %d finished within the timeout, %d "
						+ "interrupted and given back %s, exited %s after %.1f s; ", stop, victim.name(),
						running.size(), finished.size(), gaveBack.size(), new TreeSet<>(gaveBack), exited, took));
				workers[index] = WorkerProcess.start(run, "term-" + (char) ('a' + index) + stop, List.of(), WORKER);
			}
			boolean done = run.awaitDone(expected, Duration.ofMinutes(10));
			double took = (System.nanoTime() - start) / 1e9;
			Set<String> lost = run.executions().missing(expected);
			Executions.Duplicates duplicates = run.executions().duplicates(interrupted);
			Set<String> inFlight = duplicates.inFlight();
			Set<String> otherwise = duplicates.otherwise();
			Set<String> finishedRunAgain = new TreeSet<>(finishedWhileStopping);
			finishedRunAgain.retainAll(otherwise);
			notes.append(String.format("lost %s; interrupted and run again %s; finished while stopping and run again "
					+ "%s; duplicated otherwise %s; queue at the end: %s; %.0f s", new TreeSet<>(lost), inFlight,
					finishedRunAgain, otherwise, run.queueState(), took));
			return new Outcome("5. SIGTERM of a worker JVM ×3", String.format("%,d tasks (%d%% of 10 ms, the rest "
					+ "0.5-6 s), 2 worker JVMs × 4 threads, shutdown-timeout 3 s", expected.size(), 80),
					String.format("SIGTERM at 25 / 50 / 75 %% finished, each just after a task of 5 s or more "
							+ "started; %d finished while stopping, %d interrupted and given back",
							finishedWhileStopping.size(), interrupted.size()),
					Integer.toString(lost.size()), Integer.toString(inFlight.size()), Integer.toString(otherwise.size()),
					done ? String.format("yes, all done in %.0f s", took) : "NO: " + run.queueState(),
					notes.toString());
		}
		finally {
			for (WorkerProcess worker : workers) {
				worker.close();
			}
		}
	}

	private static long millisOf(String key) {
		return Long.parseLong(key.substring(key.indexOf('-') + 1));
	}

	// 80 % short tasks (keys S<n>-10), 20 % long ones (keys L<n>-<millis>), the long ones spread evenly
	private Set<String> send(TaskTemplate tasks) {
		Random random = new Random(15);
		List<Signature<String>> signatures = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < this.tasks; i++) {
			boolean longTask = i % 5 == 4;
			String key = (longTask ? "L" : "S") + i + "-";
			long millis = longTask ? 500 + random.nextInt(5500) : 10;
			key += millis;
			signatures.add(Signature.of("rel.slow", String.class, key, millis));
			keys.add(key);
		}
		tasks.sendAll(signatures);
		return keys;
	}

}
