package dev.celerity.celery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.celerity.api.RemoteError;
import dev.celerity.api.TaskState;
import dev.celerity.backend.TaskResult;

/**
 * A task's state as Celery's result backends store it: {@code {status, result, traceback, children, date_done,
 * task_id}}, with a failure's {@code result} as {@code {exc_type, exc_message, exc_module}}. A Java exception is
 * written with its simple name as {@code exc_type} and its package as {@code exc_module}; Python then raises an
 * exception of that name. A custom state's meta data is its {@code result}, as Celery's {@code update_state} stores
 * it.
 */
public final class CeleryResultFormat {

	private static final String EXC_TYPE = "exc_type";

	private static final String EXC_MESSAGE = "exc_message";

	private static final String EXC_MODULE = "exc_module";

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Writes a state.
	 * @param result the state
	 * @return the JSON Celery reads
	 */
	public byte[] encode(TaskResult result) {
		TaskState state = result.taskState();
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("status", result.state());
		meta.put("result", resultValue(result, state));
		meta.put("traceback", (result.error() != null) ? String.join("\n", result.error().stackTrace()) : null);
		meta.put("children", List.of());
		meta.put("date_done", state.isReady() ? CeleryTimes.formatUtc(result.dateDone()) : null);
		meta.put("task_id", result.taskId());
		if (result.taskName() != null) {
			meta.put("name", result.taskName());
		}
		return this.mapper.writeValueAsBytes(meta);
	}

	/**
	 * Reads a state Celery (or {@link #encode}) wrote.
	 * @param json the stored JSON
	 * @param taskId the task id, for states that do not name it
	 * @return the state
	 * @throws IllegalArgumentException if the JSON is not a Celery task state
	 */
	@SuppressWarnings("unchecked")
	public TaskResult decode(byte[] json, String taskId) {
		Map<String, Object> meta;
		try {
			meta = this.mapper.readValue(json, Map.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not a Celery task state: " + ex.getOriginalMessage(), ex);
		}
		if (meta == null || !(meta.get("status") instanceof String status)) {
			throw new IllegalArgumentException("Not a Celery task state: no status");
		}
		String id = (meta.get("task_id") instanceof String stored) ? stored : taskId;
		String name = (meta.get("name") instanceof String stored) ? stored : null;
		Object value = meta.get("result");
		RemoteError error = null;
		Object result = null;
		Map<String, Object> details = Map.of();
		TaskState state = TaskState.of(status);
		if (isException(value) && (TaskState.FAILURE.equals(state) || TaskState.RETRY.equals(state)
				|| TaskState.REVOKED.equals(state))) {
			error = error((Map<String, Object>) value, meta.get("traceback"));
			if (TaskState.REVOKED.equals(state)) {
				details = Map.of("reason", String.valueOf(error.message()));
				error = null;
			}
		}
		else if (TaskState.SUCCESS.equals(state)) {
			result = value;
		}
		else if (value instanceof Map<?, ?> map) {
			details = (Map<String, Object>) map;
		}
		return new TaskResult(id, name, status, result, details, error,
				CeleryTimes.parse(meta.get("date_done")));
	}

	private Object resultValue(TaskResult result, TaskState state) {
		if (TaskState.SUCCESS.equals(state)) {
			return result.result();
		}
		if (result.error() != null) {
			return exception(result.error());
		}
		if (TaskState.REVOKED.equals(state)) {
			Object reason = result.meta().getOrDefault("reason", "revoked");
			return Map.of(EXC_TYPE, "TaskRevokedError", EXC_MESSAGE, List.of(String.valueOf(reason)), EXC_MODULE,
					"celery.exceptions");
		}
		return result.meta().isEmpty() ? result.result() : result.meta();
	}

	private static Map<String, Object> exception(RemoteError error) {
		String type = error.type();
		int dot = type.lastIndexOf('.');
		Map<String, Object> exception = new LinkedHashMap<>();
		exception.put(EXC_TYPE, (dot >= 0) ? type.substring(dot + 1) : type);
		exception.put(EXC_MESSAGE, (error.message() != null) ? List.of(error.message()) : List.of());
		exception.put(EXC_MODULE, (dot >= 0) ? type.substring(0, dot) : "builtins");
		return exception;
	}

	private static boolean isException(Object value) {
		return value instanceof Map<?, ?> map && map.get(EXC_TYPE) instanceof String;
	}

	private static RemoteError error(Map<String, Object> exception, Object traceback) {
		String type = String.valueOf(exception.get(EXC_TYPE));
		Object module = exception.get(EXC_MODULE);
		String qualified = (module instanceof String m && !m.isEmpty()) ? m + "." + type : type;
		Object message = exception.get(EXC_MESSAGE);
		String text;
		if (message instanceof List<?> parts) {
			List<String> strings = new ArrayList<>();
			parts.forEach((part) -> strings.add(String.valueOf(part)));
			text = String.join(", ", strings);
		}
		else {
			text = (message != null) ? message.toString() : null;
		}
		List<String> frames = (traceback instanceof String tb) ? Arrays.asList(tb.split("\n")) : List.of();
		return new RemoteError(qualified, text, frames);
	}

}
