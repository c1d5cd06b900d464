package dev.celerity.autoconfigure.dashboard;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.celerity.control.WorkerHeartbeat;

/**
 * The JSON the dashboard's pages read, under {@code <path>/api}, and the live updates of {@code <path>/api/live}.
 */
@RestController
@RequestMapping("${celerity.dashboard.path:/celerity}/api")
class DashboardApiController {

	private final DashboardReads reads;

	private final ActivityTracker activity;

	private final LiveUpdates live;

	private final int pageSize;

	DashboardApiController(DashboardReads reads, ActivityTracker activity, LiveUpdates live, int pageSize) {
		this.reads = reads;
		this.activity = activity;
		this.live = live;
		this.pageSize = pageSize;
	}

	@GetMapping("/overview")
	Map<String, Object> overview() {
		this.activity.catchUp();
		return this.reads.overview();
	}

	@GetMapping("/workers")
	List<WorkerHeartbeat> workers() {
		return this.reads.workers();
	}

	@GetMapping("/tasks")
	Map<String, Object> tasks(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String worker,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer size) {
		TaskFilter filter = new TaskFilter(state, name, queue, worker, time("from", from), time("to", to), q);
		int pageSize = (size != null) ? Math.max(1, Math.min(size, 500)) : this.pageSize;
		long started = System.nanoTime();
		TaskTable.Page page = this.reads.tasks(filter, cursor, pageSize);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("tasks", page.tasks());
		body.put("next", page.next());
		body.put("scanned", page.scanned());
		body.put("tookMs", (System.nanoTime() - started) / 1_000_000);
		return body;
	}

	@GetMapping("/tasks/{id}")
	ResponseEntity<Map<String, Object>> task(@PathVariable String id,
			@RequestParam(required = false) @Nullable Long near) {
		Map<String, Object> task = this.reads.task(id, near);
		return (task != null) ? ResponseEntity.ok(task) : ResponseEntity.notFound().build();
	}

	@GetMapping("/tasks/{id}/workflow")
	List<Map<String, Object>> workflow(@PathVariable String id, @RequestParam(required = false) @Nullable Long near) {
		return this.reads.workflow(id, near);
	}

	@GetMapping("/queues")
	List<QueueView> queues() {
		return this.reads.queues();
	}

	@GetMapping("/queues/{name}")
	Map<String, Object> queue(@PathVariable String name) {
		return this.reads.queue(name);
	}

	@GetMapping("/rate-limits")
	List<Map<String, Object>> rateLimits() {
		this.activity.catchUp();
		return this.reads.rateLimits();
	}

	@GetMapping("/schedules")
	List<Map<String, Object>> schedules() {
		this.activity.catchUp();
		return this.reads.schedules();
	}

	@GetMapping("/meta")
	Map<String, Object> meta() {
		return Map.of("states", TaskStates.ALL, "tasks", this.reads.taskNames(),
				"queues", this.reads.queues().stream().map(QueueView::name).toList());
	}

	@GetMapping("/live")
	SseEmitter live() {
		return this.live.subscribe();
	}

	private static @Nullable Long time(String parameter, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return value.chars().allMatch(Character::isDigit) ? Long.parseLong(value)
					: Instant.parse(value).toEpochMilli();
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + parameter + "' must be an ISO-8601 instant such as "
					+ "2026-12-04T18:00:00Z or epoch milliseconds, was '" + value + "'", ex);
		}
	}

}
