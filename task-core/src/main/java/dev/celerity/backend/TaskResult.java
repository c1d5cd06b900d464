package dev.celerity.backend;

import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import dev.celerity.api.RemoteError;
import dev.celerity.api.TaskState;

/**
 * The stored state of a task.
 *
 * @param taskId the task id
 * @param taskName the task name
 * @param state the state name ({@code SUCCESS}, {@code FAILURE}, a custom state ...)
 * @param result the result as a JSON value, for {@code SUCCESS}
 * @param meta the state's meta data (progress of a custom state, reason of a revoke)
 * @param error the failure, for {@code FAILURE} and {@code RETRY}
 * @param dateDone when the state was recorded
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskResult(String taskId, String taskName, String state, Object result, Map<String, Object> meta,
		RemoteError error, Instant dateDone) {

	public TaskResult {
		meta = (meta != null) ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta)) : Map.of();
	}

	/** @return the state as a {@link TaskState} */
	public TaskState taskState() {
		return TaskState.of(this.state);
	}

	/** @return whether the state is final */
	public boolean isReady() {
		return taskState().isReady();
	}

}
