package dev.celerity.benchmarks.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reliability suite: runs each scenario against a redis-server of its own (started on the given port, killed at
 * the end), with worker JVMs of its own, and prints one line per scenario: scenario | load | fault | lost |
 * duplicated in flight at the fault / duplicated otherwise | recovered by itself, then the details.
 *
 * <p>Usage: {@code ReliabilitySuite [scenario...] [port]}; scenarios {@code sigkill}, {@code sigterm}, {@code fuzz},
 * {@code client-kill}, {@code redis-restart}, {@code soak} (all when none is given), port 6395 unless given. The
 * loads are set with {@code -Dreliability.sigkill.executions=50000}, {@code -Dreliability.soak.tasks=1000000} and so
 * on; the files of a run (execution logs, worker consoles, Redis data) are kept under
 * {@code benchmarks/target/reliability}.
 */
public final class ReliabilitySuite {

	private ReliabilitySuite() {
	}

	/**
	 * Runs the suite.
	 * @param args scenario names, then optionally the Redis port
	 * @throws Exception if a scenario cannot run
	 */
	public static void main(String[] args) throws Exception {
		Map<String, Scenario> all = scenarios();
		List<String> names = new ArrayList<>();
		int port = 6395;
		for (String arg : args) {
			if (arg.matches("\\d+")) {
				port = Integer.parseInt(arg);
			}
			else if (all.containsKey(arg)) {
				names.add(arg);
			}
			else {
				throw new IllegalArgumentException("Unknown scenario '" + arg + "'; known: " + all.keySet());
			}
		}
		if (names.isEmpty()) {
			names.addAll(all.keySet());
		}
		Path root = Path.of(System.getProperty("reliability.dir", "benchmarks/target/reliability"));
		List<Outcome> outcomes = new ArrayList<>();
		for (String name : names) {
			Outcome outcome = run(all.get(name), root.resolve(name), port);
			outcomes.add(outcome);
			System.out.println("RESULT " + outcome.line());
			System.out.println("DETAILS " + outcome.notes());
		}
		StringBuilder table = new StringBuilder("| scenario | load | fault | lost | duplicated in flight at the fault "
				+ "/ otherwise | recovered by itself |\n|---|---|---|---|---|---|\n");
		outcomes.forEach((outcome) -> table.append(outcome.markdownRow()).append('\n'));
		Files.writeString(root.resolve("results.md"), table);
		System.out.println();
		System.out.print(table);
	}

	private static Outcome run(Scenario scenario, Path directory, int port) throws IOException {
		Files.createDirectories(directory);
		Path data = null;
		if (scenario.persistentRedis()) {
			data = Files.createDirectories(directory.resolve("redis-data"));
		}
		try (RedisServer redis = new RedisServer(port, data)) {
			redis.start();
			try (ReliabilityRun run = new ReliabilityRun(redis, directory)) {
				return scenario.run(run);
			}
			catch (Exception ex) {
				ex.printStackTrace();
				return new Outcome(scenario.name(), "-", "-", "?", "?", "?", "NO: the scenario failed: " + ex, "");
			}
		}
	}

	private static Map<String, Scenario> scenarios() {
		Map<String, Scenario> scenarios = new LinkedHashMap<>();
		scenarios.put("sigkill", new SigkillScenario(Integer.getInteger("reliability.sigkill.executions", 50_000)));
		scenarios.put("redis-restart",
				new RedisRestartScenario(Integer.getInteger("reliability.redis-restart.executions", 20_000)));
		scenarios.put("client-kill",
				new ClientKillScenario(Integer.getInteger("reliability.client-kill.executions", 20_000)));
		scenarios.put("fuzz", new FuzzScenario());
		scenarios.put("sigterm", new SigtermScenario(Integer.getInteger("reliability.sigterm.tasks", 1_000)));
		scenarios.put("soak", new SoakScenario(Integer.getInteger("reliability.soak.tasks", 1_000_000)));
		return scenarios;
	}

}
