package dev.celerity.benchmarks.reliability;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import dev.celerity.api.TaskTemplate;
import dev.celerity.canvas.WorkflowTemplate;

/**
 * Every 0.5 s, Redis drops every client connection of one type, {@code CLIENT KILL TYPE normal} and
 * {@code TYPE pubsub} in turn, while two worker JVMs run the mixed load and callers block in
 * {@code AsyncResult.get}. Expected: nothing lost, every waiter gets its result, and a settle that meets a killed
 * connection waits for the reconnect instead of leaving its task to run again.
 */
final class ClientKillScenario implements Scenario {

	private static final Duration INTERVAL = Duration.ofMillis(500);

	private static final int BLOCKS_PER_SECOND = 10;

	private static final int WAITERS = 240;

	private static final int WAITER_THREADS = 8;

	private final int executions;

	ClientKillScenario(int executions) {
		this.executions = executions;
	}

	@Override
	public String name() {
		return "client-kill";
	}

	@Override
	public Outcome run(ReliabilityRun run) throws Exception {
		List<String> worker = List.of("reliability.work-millis=5");
		WorkerProcess[] workers = { WorkerProcess.start(run, "kill-a", List.of(), worker),
				WorkerProcess.start(run, "kill-b", List.of(), worker) };
		MixedLoad load = new MixedLoad(run.bean(TaskTemplate.class), run.bean(WorkflowTemplate.class));
		int blocks = this.executions / MixedLoad.BLOCK;
		long seconds = blocks / BLOCKS_PER_SECOND;
		AtomicInteger kills = new AtomicInteger();
		Set<String> inFlightAtKills = new HashSet<>();
		try {
			Thread producer = new Thread(() -> load.sendPaced(blocks, BLOCKS_PER_SECOND), "reliability-producer");
			long start = System.nanoTime();
			producer.start();
			int perThread = WAITERS / WAITER_THREADS;
			ResultWaiters waiters = new ResultWaiters(run.bean(TaskTemplate.class), WAITER_THREADS, perThread,
					Duration.ofMillis(seconds * 1000 / perThread), Duration.ofSeconds(60));
			while (producer.isAlive() || waiters.running()) {
				inFlightAtKills.addAll(run.inFlight(workers));
				run.redis().cli("CLIENT", "KILL", "TYPE", (kills.getAndIncrement() % 2 == 0) ? "normal" : "pubsub");
				Waits.sleep(INTERVAL);
			}
			waiters.join();
			Set<String> expected = new HashSet<>(load.expected());
			expected.addAll(waiters.expected());
			boolean done = run.awaitDone(expected, Duration.ofMinutes(5));
			double took = (System.nanoTime() - start) / 1e9;
			Set<String> lost = run.executions().missing(expected);
			Executions.Duplicates duplicates = run.executions().duplicates(inFlightAtKills);
			Set<String> inFlight = duplicates.inFlight();
			Set<String> otherwise = duplicates.otherwise();
			int executed = run.executions().starts().values().stream().mapToInt(Integer::intValue).sum();
			String notes = String.format("%d kills (%d of each type); %s; %s; %,d executions for %,d keys; lost %s; "
					+ "duplicated, running at a kill %s; duplicated otherwise %s; queue at the end: %s; %.0f s",
					kills.get(), kills.get() / 2, load.failureSummary(), waiters.summary(), executed, expected.size(),
					new TreeSet<>(lost), inFlight, otherwise, run.queueState(), took);
			boolean recovered = done && waiters.got() == waiters.waited();
			return new Outcome("3. CLIENT KILL every 0.5 s", String.format("%,d executions (mixed, %d blocks/s) + %d "
					+ "AsyncResult.get waiters, 2 worker JVMs", expected.size(), BLOCKS_PER_SECOND, waiters.waited()),
					String.format("%d × CLIENT KILL TYPE normal / pubsub in turn; %d sends refused", kills.get(),
							load.failedSends()),
					Integer.toString(lost.size()), Integer.toString(inFlight.size()), Integer.toString(otherwise.size()),
					recovered ? String.format("yes: %d/%d waiters got their results; all done in %.0f s",
							waiters.got(), waiters.waited(), took) : "NO: see details",
					notes);
		}
		finally {
			for (WorkerProcess each : workers) {
				each.close();
			}
		}
	}

}
