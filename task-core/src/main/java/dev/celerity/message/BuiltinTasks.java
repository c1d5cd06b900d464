package dev.celerity.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in tasks that call another task for each item (Celery's {@code celery.map} and {@code celery.starmap}),
 * and how to read which task such a call calls: its first argument is that task's signature.
 */
public final class BuiltinTasks {

	/** The name of the built-in task that calls a task once per item. */
	public static final String MAP = "celery.map";

	/** The name of the built-in task that calls a task once per argument list. */
	public static final String STARMAP = "celery.starmap";

	private BuiltinTasks() {
	}

	/**
	 * Returns the task a call of a built-in map or starmap task calls, so that it is routed like that task.
	 * @param taskName the called task's name
	 * @param args the call's arguments
	 * @return the inner call, or empty if the call is not a map or starmap
	 */
	public static Optional<Call> calledBy(String taskName, List<Object> args) {
		if (!(MAP.equals(taskName) || STARMAP.equals(taskName)) || args.isEmpty()
				|| !(args.get(0) instanceof Map<?, ?> signature) || !(signature.get("task") instanceof String task)) {
			return Optional.empty();
		}
		List<Object> innerArgs = (signature.get("args") instanceof List<?> list) ? new ArrayList<>(list) : List.of();
		Map<String, Object> innerKwargs = new LinkedHashMap<>();
		if (signature.get("kwargs") instanceof Map<?, ?> kwargs) {
			kwargs.forEach((name, value) -> innerKwargs.put(String.valueOf(name), value));
		}
		return Optional.of(new Call(task, innerArgs, innerKwargs));
	}

	/**
	 * A task call read from a signature.
	 * @param task the task's name
	 * @param args its arguments
	 * @param kwargs its keyword arguments
	 */
	public record Call(String task, List<Object> args, Map<String, Object> kwargs) {

	}

}
