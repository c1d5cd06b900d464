package dev.celerity.celery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Rewrites the signatures inside a message body for the other side: the {@code priority} option crosses the scale
 * (see {@link CeleryPriority}), and signatures going to Celery carry every key of Celery's signature dict. Nested
 * canvases ({@code kwargs.tasks}, {@code kwargs.header}, {@code kwargs.body}) and linked callbacks
 * ({@code options.link}, {@code options.link_error}) are rewritten too; task arguments are left alone.
 */
final class SignaturePriorities {

	private SignaturePriorities() {
	}

	static Object toCelery(Object signature) {
		return rewrite(signature, CeleryPriority::toCelery, true);
	}

	static Object fromCelery(Object signature) {
		return rewrite(signature, (celery) -> CeleryPriority.fromCelery(celery), false);
	}

	@SuppressWarnings("unchecked")
	private static Object rewrite(Object value, IntUnaryOperator priority, boolean complete) {
		if (value instanceof List<?> list) {
			List<Object> out = new ArrayList<>(list.size());
			list.forEach((item) -> out.add(rewrite(item, priority, complete)));
			return out;
		}
		if (!(value instanceof Map<?, ?> map) || !map.containsKey("task")) {
			return value;
		}
		Map<String, Object> sig = new LinkedHashMap<>((Map<String, Object>) map);
		Map<String, Object> options = new LinkedHashMap<>(
				(sig.get("options") instanceof Map<?, ?> o) ? (Map<String, Object>) o : Map.of());
		if (options.get("priority") instanceof Number p) {
			options.put("priority", priority.applyAsInt(p.intValue()));
		}
		for (String link : List.of("link", "link_error")) {
			if (options.containsKey(link)) {
				options.put(link, rewrite(options.get(link), priority, complete));
			}
		}
		sig.put("options", options);
		if (sig.get("kwargs") instanceof Map<?, ?> kwargs && sig.get("subtask_type") != null) {
			Map<String, Object> nested = new LinkedHashMap<>((Map<String, Object>) kwargs);
			for (String part : List.of("tasks", "header", "body")) {
				if (nested.containsKey(part)) {
					nested.put(part, rewrite(nested.get(part), priority, complete));
				}
			}
			sig.put("kwargs", nested);
		}
		if (complete) {
			sig.putIfAbsent("args", List.of());
			sig.putIfAbsent("kwargs", Map.of());
			sig.putIfAbsent("subtask_type", null);
			sig.putIfAbsent("immutable", false);
			sig.putIfAbsent("chord_size", null);
		}
		return sig;
	}

}
