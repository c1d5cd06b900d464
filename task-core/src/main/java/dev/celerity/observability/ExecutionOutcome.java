package dev.celerity.observability;

import io.micrometer.observation.Observation;

import dev.celerity.api.RemoteError;
import dev.celerity.api.TaskExecutionException;

/**
 * How one observed attempt ended, as its task events tell; written by the event's thread and read when the attempt's
 * observation stops.
 */
final class ExecutionOutcome {

	private final String taskId;

	private volatile String outcome;

	private volatile RemoteError error;

	ExecutionOutcome(String taskId) {
		this.taskId = taskId;
	}

	void record(String outcome, RemoteError error) {
		this.outcome = outcome;
		this.error = error;
	}

	/**
	 * Tags the observation with the outcome. An attempt without an outcome event succeeded: the worker may publish
	 * {@code TaskSucceeded} only once the result is written in a batch, after the attempt's observation stopped.
	 */
	void applyTo(Observation observation) {
		RemoteError failure = this.error;
		observation.lowCardinalityKeyValue(TaskObservations.OUTCOME, (this.outcome != null) ? this.outcome : "success");
		observation.lowCardinalityKeyValue(TaskObservations.EXCEPTION,
				(failure != null) ? simpleName(failure.type()) : "none");
		if (failure != null) {
			// marks the span as failed; the attempt itself never throws, the failure is recorded as a result
			observation.error(new TaskExecutionException(this.taskId, failure));
		}
	}

	private static String simpleName(String type) {
		return type.substring(type.lastIndexOf('.') + 1);
	}

}
