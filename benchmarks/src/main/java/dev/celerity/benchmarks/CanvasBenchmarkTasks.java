package dev.celerity.benchmarks;

import java.util.List;

/**
 * The tasks of the workflow benchmark: a no-op header task, a chain step and a chord body.
 */
public class CanvasBenchmarkTasks {

	/**
	 * Does nothing.
	 * @param n an argument, so the message carries one
	 * @return the argument
	 */
	public int noop(int n) {
		return n;
	}

	/**
	 * One chain step.
	 * @param n the previous step's result
	 * @return the next number
	 */
	public int next(int n) {
		return n + 1;
	}

	/**
	 * A chord body.
	 * @param results the header's results
	 * @return how many there were
	 */
	public int count(List<Object> results) {
		return results.size();
	}

}
