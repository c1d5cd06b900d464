package dev.celerity.benchmarks;

/**
 * The task every throughput benchmark runs: it does nothing, so what is measured is the framework.
 */
public class NoOpTasks {

	/**
	 * Does nothing.
	 * @param n an argument, so the message carries one
	 * @return the argument
	 */
	public int noop(int n) {
		return n;
	}

}
