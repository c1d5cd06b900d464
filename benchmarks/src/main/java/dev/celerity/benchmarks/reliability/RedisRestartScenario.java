package dev.celerity.benchmarks.reliability;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.actuate.health.CelerityHealthIndicator;
import dev.celerity.canvas.WorkflowTemplate;

/**
 * Redis persisting every write ({@code appendonly yes}, {@code appendfsync always}) is killed twice under the mixed
 * load and result waiters: once restarted at once, once left down for 15 s. Expected: no application is restarted,
 * yet the workers run everything, the waiters get their results, the beat ticks and the event stream grows again;
 * a send during the outage fails with {@code TaskPublishException} after {@code celerity.publish.timeout} (2 s), and
 * no acknowledged send is lost; health goes DOWN and back UP.
 */
final class RedisRestartScenario implements Scenario {

	private static final Duration OUTAGE = Duration.ofSeconds(15);

	private static final int BLOCKS_PER_SECOND = 5;

	private static final int WINDOW_SECONDS = 3;

	private final int executions;

	RedisRestartScenario(int executions) {
		this.executions = executions;
	}

	@Override
	public String name() {
		return "redis-restart";
	}

	@Override
	public boolean persistentRedis() {
		return true;
	}

	@Override
	public Outcome run(ReliabilityRun run) throws Exception {
		run.client(Map.of("celerity.publish.timeout", "2s"));
		List<String> worker = List.of("reliability.work-millis=5", "reliability.tick=1s");
		WorkerProcess[] workers = { WorkerProcess.start(run, "restart-a", List.of(), worker),
				WorkerProcess.start(run, "restart-b", List.of(), worker) };
		MixedLoad load = new MixedLoad(run.bean(TaskTemplate.class), run.bean(WorkflowTemplate.class));
		Set<String> inFlightAtFaults = new HashSet<>();
		Set<String> finishedAroundFaults = new HashSet<>();
		StringBuilder notes = new StringBuilder();
		int blocks = this.executions / MixedLoad.BLOCK;
		long seconds = blocks / BLOCKS_PER_SECOND;
		try (HealthWatch health = new HealthWatch(run.bean(CelerityHealthIndicator.class))) {
			Thread producer = new Thread(() -> load.sendPaced(blocks, BLOCKS_PER_SECOND), "reliability-producer");
			long start = System.nanoTime();
			producer.start();
			ResultWaiters waiters = new ResultWaiters(run.bean(TaskTemplate.class), 4, (int) seconds,
					Duration.ofSeconds(1), Duration.ofSeconds(60));
			// the restart at a quarter of the run, the outage at half of it; what finished from 3 s before a fault to
			// 3 s after it may not have been acknowledged (a settle tries for 2 s) and is told apart
			Waits.sleep(Duration.ofSeconds(seconds / 4 - WINDOW_SECONDS));
			Set<String> finishedBefore = run.executions().finished();
			Waits.sleep(Duration.ofSeconds(WINDOW_SECONDS));
			inFlightAtFaults.addAll(run.inFlight(workers));
			run.redis().kill();
			run.redis().start();
			long restartedAt = System.currentTimeMillis();
			notes.append(String.format("Redis killed (kill -9) and restarted at %.0f s; ", elapsed(start)));
			Waits.sleep(Duration.ofSeconds(WINDOW_SECONDS));
			finishedAroundFaults.addAll(finishedSince(run, finishedBefore));
			Waits.sleep(Duration.ofSeconds(seconds / 4 - 3 * WINDOW_SECONDS));
			finishedBefore = run.executions().finished();
			Waits.sleep(Duration.ofSeconds(WINDOW_SECONDS));
			inFlightAtFaults.addAll(run.inFlight(workers));
			run.redis().kill();
			double downAt = elapsed(start);
			Waits.sleep(Duration.ofSeconds(WINDOW_SECONDS));
			finishedAroundFaults.addAll(finishedSince(run, finishedBefore));
			Waits.sleep(OUTAGE.minusSeconds(WINDOW_SECONDS));
			run.redis().start();
			long backAt = System.currentTimeMillis();
			notes.append(String.format("Redis killed at %.0f s and started again 15 s later; ", downAt));
			producer.join();
			waiters.join();
			Set<String> expected = new HashSet<>(load.expected());
			expected.addAll(waiters.expected());
			boolean done = run.awaitDone(expected, Duration.ofMinutes(5));
			Waits.within(Duration.ofSeconds(10), health::sawDownThenUp);
			double took = elapsed(start);
			List<Long> ticks = run.executions().ticks();
			long ticksAfterOutage = ticks.stream().filter((tick) -> tick > backAt).count();
			long ticksAfterRestart = ticks.stream().filter((tick) -> tick > restartedAt && tick < backAt).count();
			long lastEvent = run.lastEventMillis();
			Set<String> lost = run.executions().missing(expected);
			Executions.Duplicates duplicates = run.executions().duplicates(inFlightAtFaults);
			Set<String> inFlight = duplicates.inFlight();
			Set<String> otherwise = duplicates.otherwise();
			Set<String> unacknowledged = new TreeSet<>(otherwise);
			unacknowledged.retainAll(finishedAroundFaults);
			String otherText = (otherwise.isEmpty()) ? "0" : otherwise.size() + " (" + unacknowledged.size()
					+ " finished within 3 s of a fault, their settle not through)";
			boolean beat = ticksAfterOutage > 0 && ticksAfterRestart > 0;
			boolean events = lastEvent > backAt;
			boolean workersAlive = workers[0].isAlive() && workers[1].isAlive();
			notes.append(String.format("%s; %s; %s; beat ticks between the faults %d, after the outage %d; newest "
					+ "event %.1f s after Redis came back; workers never restarted: %s; lost %s; duplicated "
					+ "otherwise %s; queue at the end: %s; %.0f s", load.failureSummary(), waiters.summary(),
					health.summary(), ticksAfterRestart, ticksAfterOutage, (lastEvent - backAt) / 1000.0, workersAlive,
					new TreeSet<>(lost), otherwise, run.queueState(), took));
			boolean recovered = done && beat && events && workersAlive && health.sawDownThenUp()
					&& waiters.got() == waiters.waited();
			return new Outcome("2. Redis restarted, then down 15 s", String.format("%,d executions (mixed, %d "
					+ "blocks/s) + %d AsyncResult.get waiters, 2 worker JVMs, beat every 1 s, AOF appendfsync always",
					expected.size(), BLOCKS_PER_SECOND, waiters.waited()),
					"kill -9 of redis-server + restart at 25 %; kill -9, 15 s down, start at 50 %; "
							+ load.failedSends() + " sends refused with TaskPublishException",
					Integer.toString(lost.size()), Integer.toString(inFlight.size()), otherText,
					recovered ? String.format("yes: workers, %d/%d waiters, beat, events, health DOWN→UP; all done "
							+ "in %.0f s", waiters.got(), waiters.waited(), took) : "NO: see details",
					notes.toString());
		}
		finally {
			for (WorkerProcess each : workers) {
				each.close();
			}
		}
	}

	private static Set<String> finishedSince(ReliabilityRun run, Set<String> before) {
		Set<String> since = run.executions().finished();
		since.removeAll(before);
		return since;
	}

	private static double elapsed(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
