package dev.celerity.autoconfigure.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.celerity.backend.TaskResult;
import dev.celerity.broker.DeadLetter;
import dev.celerity.broker.QueueStats;
import dev.celerity.control.ClusterControl;
import dev.celerity.control.RecordedTaskEvent;
import dev.celerity.control.WorkerHeartbeat;
import dev.celerity.ratelimit.RateLimit;
import dev.celerity.ratelimit.RateLimits;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.schedule.PeriodicSchedules;
import dev.celerity.schedule.ScheduleDescriptor;
import dev.celerity.schedule.SchedulePauses;

/**
 * Everything the dashboard's pages show, read from the services that already hold it: heartbeats, queue stats and
 * task states through {@link ClusterControl}, the event history, the rate limits and the schedules.
 */
class DashboardReads {

	private static final int CHART_STEP_SECONDS = 10;

	// the canvas's own tasks (celery.map, ...) have no limits of their own to show
	private static final String BUILTIN_PREFIX = "celery.";

	private static final int DEAD_LETTERS_SHOWN = 100;

	private static final int BODY_CHARS_SHOWN = 4_000;

	private final ClusterControl control;

	private final TaskRegistry registry;

	private final Supplier<Set<String>> knownQueues;

	private final TaskTable table;

	private final TaskTimeline timeline;

	private final ActivityTracker activity;

	private final @Nullable RateLimits rateLimits;

	private final @Nullable PeriodicSchedules schedules;

	private final SchedulePauses pauses;

	private final Clock clock;

	DashboardReads(ClusterControl control, TaskRegistry registry, Supplier<Set<String>> knownQueues, TaskTable table,
			TaskTimeline timeline, ActivityTracker activity, @Nullable RateLimits rateLimits,
			@Nullable PeriodicSchedules schedules, SchedulePauses pauses, Clock clock) {
		this.pauses = pauses;
		this.control = control;
		this.registry = registry;
		this.knownQueues = knownQueues;
		this.table = table;
		this.timeline = timeline;
		this.activity = activity;
		this.rateLimits = rateLimits;
		this.schedules = schedules;
		this.clock = clock;
	}

	Map<String, Object> overview() {
		Map<String, Object> overview = new LinkedHashMap<>();
		List<WorkerHeartbeat> workers = this.control.workers();
		overview.put("at", this.clock.millis());
		overview.put("workers", workers.size());
		overview.put("active", workers.stream().mapToInt(WorkerHeartbeat::active).sum());
		overview.put("queues", queues(workers));
		overview.put("series", this.activity.series().points(this.clock.millis(), CHART_STEP_SECONDS));
		overview.put("step", CHART_STEP_SECONDS);
		return overview;
	}

	List<WorkerHeartbeat> workers() {
		return this.control.workers()
			.stream()
			.sorted(Comparator.comparing((WorkerHeartbeat beat) -> beat.instance().id()))
			.toList();
	}

	TaskTable.Page tasks(TaskFilter filter, @Nullable String cursor, int size) {
		return this.table.page(filter, cursor, size);
	}

	@Nullable Map<String, Object> task(String id, @Nullable Long near) {
		TaskResult result = this.control.task(id).orElse(null);
		List<RecordedTaskEvent> events = this.timeline.events(id, near);
		if (result == null && events.isEmpty()) {
			return null;
		}
		return TaskDetail.of(id, result, events);
	}

	/**
	 * Returns the graph of the workflow a task belongs to: its root's tasks with their parents, groups and states.
	 * @param id the task id
	 * @param near about when its latest event happened, {@code null} to read from the newest
	 * @return the nodes, empty when the task is alone
	 */
	List<Map<String, Object>> workflow(String id, @Nullable Long near) {
		String root = id;
		for (RecordedTaskEvent event : this.timeline.events(id, near)) {
			if ("TaskPublished".equals(event.type()) && event.fields().get("root_id") instanceof String named) {
				root = named;
			}
		}
		List<Map<String, Object>> nodes = this.timeline.workflow(root);
		return (nodes.size() > 1) ? nodes : List.of();
	}

	List<QueueView> queues() {
		return queues(this.control.workers());
	}

	@Nullable Map<String, Object> queue(String name) {
		List<QueueView> known = queues();
		QueueView view = known.stream().filter((queue) -> queue.name().equals(name)).findFirst()
			.orElseGet(() -> QueueView.of(this.control.queue(name), List.of()));
		List<Map<String, Object>> letters = new ArrayList<>();
		for (DeadLetter letter : this.control.deadLetters(name, DEAD_LETTERS_SHOWN)) {
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("id", letter.id());
			shown.put("reason", letter.reason());
			shown.put("at", letter.at());
			String body = new String(letter.body(), StandardCharsets.UTF_8);
			shown.put("body", (body.length() > BODY_CHARS_SHOWN) ? body.substring(0, BODY_CHARS_SHOWN) + "…" : body);
			letters.add(shown);
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("queue", view);
		detail.put("deadLetters", letters);
		return detail;
	}

	List<Map<String, Object>> rateLimits() {
		Map<String, Long> deferrals = this.activity.deferrals();
		List<Map<String, Object>> limits = new ArrayList<>();
		for (TaskDefinition task : sortedTasks()) {
			if (task.name().startsWith(BUILTIN_PREFIX)) {
				continue;
			}
			RateLimit effective = (this.rateLimits != null) ? this.rateLimits.limitOf(task.name()).orElse(null)
					: task.rateLimit();
			Map<String, Object> limit = new LinkedHashMap<>();
			limit.put("task", task.name());
			limit.put("declared", (task.rateLimit() != null) ? task.rateLimit().toString() : null);
			limit.put("effective", (effective != null) ? effective.toString() : null);
			limit.put("key", task.rateLimitKey());
			limit.put("deferrals", deferrals.getOrDefault(task.name(), 0L));
			limits.add(limit);
		}
		return limits;
	}

	List<Map<String, Object>> schedules() {
		if (this.schedules == null) {
			return List.of();
		}
		Map<String, String> latest = this.activity.latestTasks();
		List<Map<String, Object>> shown = new ArrayList<>();
		for (ScheduleDescriptor schedule : this.schedules.schedules()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("schedule", schedule);
			row.put("lastTaskId", latest.get(schedule.task()));
			row.put("paused", this.pauses.isPaused(schedule.name()));
			shown.add(row);
		}
		return shown;
	}

	Set<String> taskNames() {
		Set<String> names = new TreeSet<>();
		this.registry.all().forEach((task) -> names.add(task.name()));
		return names;
	}

	private List<TaskDefinition> sortedTasks() {
		return this.registry.all().stream().sorted(Comparator.comparing(TaskDefinition::name)).toList();
	}

	private List<QueueView> queues(List<WorkerHeartbeat> workers) {
		Set<String> names = new TreeSet<>(this.knownQueues.get());
		workers.forEach((beat) -> names.addAll(beat.queues()));
		List<QueueView> views = new ArrayList<>();
		for (String name : names) {
			QueueStats stats = this.control.queue(name);
			views.add(QueueView.of(stats, workers));
		}
		return views;
	}

}
