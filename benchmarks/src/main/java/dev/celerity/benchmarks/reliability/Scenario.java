package dev.celerity.benchmarks.reliability;

/**
 * One fault the suite injects, and what it checks.
 */
interface Scenario {

	/**
	 * Returns the name given on the command line.
	 * @return the name
	 */
	String name();

	/**
	 * Whether the scenario's Redis persists every write (its scenario restarts Redis).
	 * @return {@code true} for an append-only file synced on every write
	 */
	default boolean persistentRedis() {
		return false;
	}

	/**
	 * Runs the scenario.
	 * @param run its Redis, directory and producing application
	 * @return its line in the table
	 * @throws Exception if it cannot run
	 */
	Outcome run(ReliabilityRun run) throws Exception;

}
