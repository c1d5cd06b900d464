package dev.celerity.autoconfigure.events;

import dev.celerity.api.Task;

/**
 * Tasks whose outcomes the log tests read back: one that succeeds, one that fails after one retry.
 */
public class OutcomeLogTestTasks {

	@Task(name = "outcomes.ok")
	public String ok(String label) {
		return label;
	}

	@Task(name = "outcomes.declined", autoretryFor = IllegalStateException.class, maxRetries = 1,
			retryBackoff = "10ms")
	public void declined(String label) {
		throw new IllegalStateException("card declined: " + label);
	}

}
