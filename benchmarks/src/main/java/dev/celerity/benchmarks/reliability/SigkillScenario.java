package dev.celerity.benchmarks.reliability;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.celerity.api.TaskTemplate;
import dev.celerity.canvas.WorkflowTemplate;

/**
 * Two worker JVMs run the mixed load; three times, when a quarter, half and three quarters of it finished, one of
 * them is killed with SIGKILL (and a new JVM started in its place). Expected: nothing lost, and only what the killed
 * JVM had in flight (started, not finished, by its own execution log) runs again, besides what it had finished but
 * not yet acknowledged.
 */
final class SigkillScenario implements Scenario {

	// tasks of 5 ms: long enough for a kill to catch some running
	private static final List<String> WORKER = List.of("reliability.work-millis=5");

	private final int executions;

	SigkillScenario(int executions) {
		this.executions = executions;
	}

	@Override
	public String name() {
		return "sigkill";
	}

	@Override
	public Outcome run(ReliabilityRun run) throws Exception {
		MixedLoad load = new MixedLoad(run.bean(TaskTemplate.class), run.bean(WorkflowTemplate.class));
		WorkerProcess[] workers = { WorkerProcess.start(run, "sigkill-a0", List.of(), WORKER),
				WorkerProcess.start(run, "sigkill-b0", List.of(), WORKER) };
		Set<String> inFlightAtKills = new HashSet<>();
		Set<String> finishedInKilled = new HashSet<>();
		StringBuilder notes = new StringBuilder();
		int blocks = this.executions / MixedLoad.BLOCK;
		Thread producer = new Thread(() -> load.send(blocks), "reliability-producer");
		long start = System.nanoTime();
		producer.start();
		try {
			for (int kill = 1; kill <= 3; kill++) {
				int threshold = this.executions * kill / 4;
				Waits.until(Duration.ofMinutes(10), threshold + " executions finished",
						() -> run.executions().finishedCount() >= threshold);
				int index = (kill - 1) % 2;
				WorkerProcess victim = workers[index];
				// the kill lands in the middle of a task: wait (briefly) until the victim's log shows one running
				Waits.within(Duration.ofSeconds(5), () -> !run.executions().inFlight(victim.executionLog()).isEmpty());
				victim.kill();
				Set<String> inFlight = run.executions().inFlight(victim.executionLog());
				inFlightAtKills.addAll(inFlight);
				finishedInKilled.addAll(run.executions().finishedIn(victim.executionLog()));
				notes.append(String.format("kill %d of %s (pid %d) at %d finished: %d in flight %s; ", kill,
						victim.name(), victim.pid(), threshold, inFlight.size(), new TreeSet<>(inFlight)));
				workers[index] = WorkerProcess.start(run, "sigkill-" + (char) ('a' + index) + kill, List.of(),
						WORKER);
			}
			producer.join();
			boolean done = run.awaitDone(load.expected(), Duration.ofMinutes(5));
			double seconds = (System.nanoTime() - start) / 1e9;
			return outcome(run, load, inFlightAtKills, finishedInKilled, done, seconds, notes);
		}
		finally {
			for (WorkerProcess worker : workers) {
				worker.close();
			}
		}
	}

	private Outcome outcome(ReliabilityRun run, MixedLoad load, Set<String> inFlightAtKills,
			Set<String> finishedInKilled, boolean done, double seconds, StringBuilder notes) {
		Set<String> lost = run.executions().missing(load.expected());
		Executions.Duplicates duplicates = run.executions().duplicates(inFlightAtKills);
		Set<String> duplicatedInFlight = duplicates.inFlight();
		Set<String> otherwise = duplicates.otherwise();
		Set<String> finishedUnacknowledged = new TreeSet<>(otherwise);
		finishedUnacknowledged.retainAll(finishedInKilled);
		Set<String> inFlightNotRerun = new TreeSet<>(inFlightAtKills);
		inFlightNotRerun.removeAll(duplicatedInFlight);
		notes.append(String.format("lost %s; duplicated otherwise %s, of which finished in a killed JVM before its "
				+ "acknowledgement was written %d; in flight at a kill but not run again %s; queue at the end: %s; "
				+ "%.0f s", new TreeSet<>(lost), otherwise, finishedUnacknowledged.size(), inFlightNotRerun,
				run.queueState(), seconds));
		int otherCount = otherwise.size();
		String otherText = (otherCount == 0) ? "0"
				: otherCount + " (" + finishedUnacknowledged.size() + " finished, not yet acknowledged at the kill)";
		return new Outcome("1. SIGKILL of a worker JVM ×3", String.format("%,d executions (%,d plain, %,d in "
				+ "chains of 4, %,d in chords of 4+1), 2 worker JVMs × 4 threads", load.expected().size(),
				load.expected().size() * 60 / 100, load.expected().size() * 20 / 100, load.expected().size() * 20 / 100),
				"kill -9 at 25 / 50 / 75 % finished; " + inFlightAtKills.size() + " in flight at the kills",
				Integer.toString(lost.size()), Integer.toString(duplicatedInFlight.size()), otherText,
				done ? String.format("yes, all done in %.0f s", seconds) : "NO: " + run.queueState(), notes.toString());
	}

}
