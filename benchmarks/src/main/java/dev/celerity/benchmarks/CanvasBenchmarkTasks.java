package dev.celerity.benchmarks;

import java.util.List;

import dev.celerity.api.Task;

/**
 * The tasks of the workflow benchmark besides the no-op task: a chain step and a chord body.
 */
public class CanvasBenchmarkTasks {

	/**
	 * One chain step.
	 * @param n the previous step's result
	 * @return the next number
	 */
	@Task(name = "bench.next")
	public int next(int n) {
		return n + 1;
	}

	/**
	 * A chord body.
	 * @param results the header's results
	 * @return how many there were
	 */
	@Task(name = "bench.count")
	public int count(List<Object> results) {
		return results.size();
	}

}
