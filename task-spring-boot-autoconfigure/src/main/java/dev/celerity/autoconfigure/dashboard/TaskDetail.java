package dev.celerity.autoconfigure.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.celerity.backend.TaskResult;
import dev.celerity.control.RecordedTaskEvent;

/**
 * One task's page: its stored state (result or error with the remote stack, custom meta) joined with its events
 * (state history, worker, routing, runtime, retries, arguments).
 */
final class TaskDetail {

	private TaskDetail() {
	}

	static Map<String, Object> of(String id, @Nullable TaskResult result, List<RecordedTaskEvent> events) {
		TaskRowBuilder row = new TaskRowBuilder(id);
		for (int i = events.size() - 1; i >= 0; i--) {
			row.add(events.get(i));
		}
		TaskRow summary = row.build();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("id", id);
		detail.put("name", (result != null && result.taskName() != null) ? result.taskName() : summary.name());
		detail.put("queue", summary.queue());
		detail.put("state", (result != null) ? result.state() : summary.state());
		detail.put("eventState", summary.state());
		detail.put("worker", summary.worker());
		detail.put("args", summary.args());
		detail.put("retries", summary.retries());
		detail.put("runtimeMs", summary.runtimeMs());
		if (result != null) {
			detail.put("meta", result.meta());
			detail.put("result", result.result());
			detail.put("error", result.error());
			detail.put("date", result.dateDone());
			detail.put("progress", progress(result.meta()));
		}
		for (RecordedTaskEvent event : events) {
			if ("TaskPublished".equals(event.type())) {
				Map<String, Object> routing = new LinkedHashMap<>();
				routing.put("queue", event.queue());
				routing.put("priority", event.fields().get("priority"));
				routing.put("eta", event.fields().get("eta"));
				routing.put("routedBy", event.fields().get("routed_by"));
				detail.put("routing", routing);
				detail.put("root", event.fields().get("root_id"));
				detail.put("parent", event.fields().get("parent_id"));
				detail.put("group", event.fields().get("group"));
				detail.put("callArgs", event.fields().get("call_args"));
				detail.put("callKwargs", event.fields().get("call_kwargs"));
				break;
			}
		}
		List<Map<String, Object>> history = new ArrayList<>();
		for (RecordedTaskEvent event : events) {
			Map<String, Object> entry = new LinkedHashMap<>(event.fields());
			entry.put("state", TaskStates.after(event.type()));
			if (event.instance() != null) {
				entry.put("instance", event.instance());
			}
			history.add(entry);
		}
		detail.put("events", history);
		return detail;
	}

	private static @Nullable Map<String, Object> progress(@Nullable Map<String, Object> meta) {
		if (meta != null && meta.get("step") instanceof Number step && meta.get("total") instanceof Number total
				&& total.doubleValue() > 0) {
			return Map.of("step", step, "total", total);
		}
		return null;
	}

}
