package dev.celerity.autoconfigure.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.control.ClusterControl;
import dev.celerity.control.RecordedTaskEvent;
import dev.celerity.control.ControlOutcome;
import dev.celerity.ratelimit.InvalidRateLimitException;
import dev.celerity.ratelimit.RateLimit;
import dev.celerity.schedule.PeriodicSchedule;
import dev.celerity.schedule.SchedulePauses;
import dev.celerity.schedule.ScheduleRegistry;

/**
 * The dashboard's write actions, each one call of {@link ClusterControl} (the same commands as the {@code celerity}
 * endpoint) or, for a schedule, one send of its call through the {@link TaskTemplate} (run now) or one change of
 * the {@link SchedulePauses} every scheduler asks at each tick.
 */
class DashboardActions {

	private final ClusterControl control;

	private final @Nullable TaskTemplate tasks;

	private final @Nullable ScheduleRegistry schedules;

	private final SchedulePauses pauses;

	private final Clock clock;

	private final TaskTimeline timeline;

	DashboardActions(ClusterControl control, @Nullable TaskTemplate tasks, @Nullable ScheduleRegistry schedules,
			SchedulePauses pauses, Clock clock, TaskTimeline timeline) {
		this.timeline = timeline;
		this.pauses = pauses;
		this.control = control;
		this.tasks = tasks;
		this.schedules = schedules;
		this.clock = clock;
	}

	Map<String, Object> revoke(String taskId, boolean terminate) {
		return outcome(this.control.revoke(taskId, terminate));
	}

	Map<String, Object> pause(String queue, @Nullable String instance) {
		return outcome((instance != null) ? this.control.pause(queue, instance) : this.control.pause(queue));
	}

	Map<String, Object> resume(String queue, @Nullable String instance) {
		return outcome((instance != null) ? this.control.resume(queue, instance) : this.control.resume(queue));
	}

	Map<String, Object> purge(String queue) {
		return counted("purge", queue, this.control.purge(queue));
	}

	Map<String, Object> replay(String queue, int max) {
		if (max < 1) {
			throw new IllegalArgumentException("'max' must be at least 1, was " + max);
		}
		return counted("replay", queue, this.control.replayDeadLetters(queue, max));
	}

	Map<String, Object> rateLimit(String task, @Nullable String limit) {
		if (limit == null || limit.isBlank()) {
			return outcome(this.control.rateLimit(task, null));
		}
		try {
			return outcome(this.control.rateLimit(task, RateLimit.parse(limit.trim()).toString()));
		}
		catch (InvalidRateLimitException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/**
	 * Sends a task's call again, as a new task routed as any send is: the task name and the arguments its
	 * publication event recorded.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> resend(String taskId, @Nullable Long near) {
		if (this.tasks == null) {
			throw new IllegalArgumentException("This application sends no tasks");
		}
		RecordedTaskEvent published = this.timeline.publication(taskId, near)
			.filter((event) -> event.fields().get("call_args") instanceof List)
			.orElseThrow(() -> new IllegalArgumentException("The call of task " + taskId + " is not in the history: "
					+ "its publication is older than the history kept, or its message was too large to repeat there"));
		List<Object> args = (List<Object>) published.fields().get("call_args");
		Object kwargs = published.fields().get("call_kwargs");
		Signature<Object> call = Signature.of(published.text("task"))
			.clone(args, (kwargs instanceof Map<?, ?> named) ? (Map<String, ?>) named : Map.of());
		AsyncResult<Object> sent = this.tasks.send(call);
		Map<String, Object> outcome = new LinkedHashMap<>();
		outcome.put("action", "resend");
		outcome.put("arguments", Map.of("task", taskId));
		outcome.put("taskId", sent.id());
		return outcome;
	}

	Map<String, Object> runSchedule(String name) {
		PeriodicSchedule schedule = schedule(name);
		if (this.tasks == null) {
			throw new IllegalArgumentException("This application sends no tasks");
		}
		Instant now = this.clock.instant();
		AsyncResult<Object> sent = this.tasks.send(schedule.signature(now, now));
		Map<String, Object> outcome = new LinkedHashMap<>();
		outcome.put("action", "run");
		outcome.put("arguments", Map.of("schedule", name));
		outcome.put("taskId", sent.id());
		return outcome;
	}

	Map<String, Object> pauseSchedule(String name, boolean pause) {
		schedule(name);
		if (pause) {
			this.pauses.pause(name);
		}
		else {
			this.pauses.resume(name);
		}
		Map<String, Object> outcome = new LinkedHashMap<>();
		outcome.put("action", pause ? "pause" : "resume");
		outcome.put("arguments", Map.of("schedule", name));
		outcome.put("appliedBy", java.util.List.of("schedules"));
		return outcome;
	}

	private PeriodicSchedule schedule(String name) {
		if (this.schedules == null) {
			throw new IllegalArgumentException("This application has no periodic schedules");
		}
		return this.schedules.find(name)
			.orElseThrow(() -> new IllegalArgumentException("Unknown schedule '" + name + "'"));
	}

	private static Map<String, Object> outcome(ControlOutcome outcome) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("action", outcome.action());
		shown.put("arguments", outcome.arguments());
		shown.put("appliedBy", outcome.appliedBy());
		shown.put("replies", outcome.replies());
		return shown;
	}

	private static Map<String, Object> counted(String action, String queue, long count) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("action", action);
		shown.put("arguments", Map.of("queue", queue));
		shown.put("appliedBy", java.util.List.of("broker"));
		shown.put("count", count);
		return shown;
	}

}
