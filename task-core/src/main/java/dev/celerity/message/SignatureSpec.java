package dev.celerity.message;

import java.util.List;
import java.util.Map;

/**
 * A serialized signature inside a message (Celery's signature dict), so any worker can continue a workflow.
 *
 * @param task the task name
 * @param args positional arguments
 * @param kwargs keyword arguments
 * @param options call options (queue, priority, countdown ...)
 * @param immutable whether it ignores its parent's result
 * @param subtaskType {@code null} for a task, or the kind of canvas ({@code chain}, {@code group}, {@code chord})
 */
public record SignatureSpec(String task, List<Object> args, Map<String, Object> kwargs, Map<String, Object> options,
		boolean immutable, String subtaskType) {

	public SignatureSpec {
		args = (args != null) ? java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args)) : List.of();
		kwargs = (kwargs != null) ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs))
				: Map.of();
		options = (options != null) ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options))
				: Map.of();
	}

}
