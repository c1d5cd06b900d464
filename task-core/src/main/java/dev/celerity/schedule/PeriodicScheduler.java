package dev.celerity.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

import dev.celerity.api.TaskTemplate;

/**
 * Runs every registered schedule on a Spring {@link TaskScheduler}, started and stopped with the application
 * context. Each due tick is claimed through {@link ScheduleClaims} and, when won, enqueued through the
 * {@link TaskTemplate}; the task itself runs on a worker, never here.
 *
 * <p>Each schedule's last tick is read from the claims at start, so that ticks missed while no instance ran are
 * handled by the schedule's missed-tick policy.
 */
public class PeriodicScheduler implements SmartLifecycle {

	private final ScheduleRegistry registry;

	private final ScheduleClaims claims;

	private final TaskTemplate template;

	private final TaskScheduler taskScheduler;

	private final Duration missedTickThreshold;

	private final SchedulePauses pauses;

	private final Map<String, ScheduleRunner> runners = new LinkedHashMap<>();

	private boolean running;

	/**
	 * Creates a scheduler.
	 * @param registry the schedules
	 * @param claims decides which instance acts on a tick
	 * @param template sends the tasks
	 * @param taskScheduler wakes the scheduler up at each tick; its clock is the scheduler's clock
	 * @param missedTickThreshold how late a tick may be handled and still count as on time
	 */
	public PeriodicScheduler(ScheduleRegistry registry, ScheduleClaims claims, TaskTemplate template,
			TaskScheduler taskScheduler, Duration missedTickThreshold) {
		this(registry, claims, template, taskScheduler, missedTickThreshold, SchedulePauses.NONE);
	}

	/**
	 * Creates a scheduler whose schedules can be paused.
	 * @param registry the schedules
	 * @param claims decides which instance acts on a tick
	 * @param template sends the tasks
	 * @param taskScheduler wakes the scheduler up at each tick; its clock is the scheduler's clock
	 * @param missedTickThreshold how late a tick may be handled and still count as on time
	 * @param pauses the paused schedules, asked at each tick
	 */
	public PeriodicScheduler(ScheduleRegistry registry, ScheduleClaims claims, TaskTemplate template,
			TaskScheduler taskScheduler, Duration missedTickThreshold, SchedulePauses pauses) {
		this.pauses = pauses;
		this.registry = registry;
		this.claims = claims;
		this.template = template;
		this.taskScheduler = taskScheduler;
		this.missedTickThreshold = missedTickThreshold;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		for (PeriodicSchedule schedule : this.registry.all()) {
			ScheduleRunner runner = new ScheduleRunner(schedule, this.claims, this.template, this.taskScheduler,
					this.missedTickThreshold, this.pauses);
			this.runners.put(schedule.name(), runner);
			runner.start();
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.runners.values().forEach(ScheduleRunner::stop);
		this.runners.clear();
		this.running = false;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	/**
	 * Returns the next tick this instance will act on for a schedule.
	 * @param schedule the schedule's name
	 * @return the tick, empty when the scheduler is not running or the schedule has no further tick
	 */
	public Optional<Instant> nextTick(String schedule) {
		ScheduleRunner runner;
		synchronized (this) {
			runner = this.runners.get(schedule);
		}
		return Optional.ofNullable((runner != null) ? runner.nextTick() : null);
	}

}
