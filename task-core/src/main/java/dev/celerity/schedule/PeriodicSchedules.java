package dev.celerity.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the schedules and their last and next ticks, for the control endpoint and for applications.
 */
public class PeriodicSchedules {

	private final ScheduleRegistry registry;

	private final ScheduleClaims claims;

	private final PeriodicScheduler scheduler;

	private final Clock clock;

	/**
	 * Creates the read access.
	 * @param registry the schedules
	 * @param claims where the last ticks are kept
	 * @param scheduler the scheduler of this instance, or {@code null} when it runs none
	 * @param clock the clock next ticks are computed from when the scheduler does not run here
	 */
	public PeriodicSchedules(ScheduleRegistry registry, ScheduleClaims claims, PeriodicScheduler scheduler,
			Clock clock) {
		this.registry = registry;
		this.claims = claims;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Describes every schedule.
	 * @return the descriptors, in registration order
	 */
	public List<ScheduleDescriptor> schedules() {
		return this.registry.all().stream().map(this::describe).toList();
	}

	/**
	 * Describes one schedule.
	 * @param name the schedule's name
	 * @return the descriptor, empty when there is no such schedule
	 */
	public Optional<ScheduleDescriptor> schedule(String name) {
		return this.registry.find(name).map(this::describe);
	}

	private ScheduleDescriptor describe(PeriodicSchedule schedule) {
		Instant lastTick = this.claims.lastTick(schedule.name()).orElse(null);
		boolean active = this.scheduler != null && this.scheduler.isRunning();
		Instant nextTick = active ? this.scheduler.nextTick(schedule.name()).orElse(null)
				: schedule.timing().next(this.clock.instant());
		String cron = null;
		String zone = null;
		Duration every = null;
		if (schedule.timing() instanceof CronTiming timing) {
			cron = timing.expression().toString();
			zone = timing.zone().getId();
		}
		else if (schedule.timing() instanceof FixedRateTiming timing) {
			every = timing.period();
		}
		return new ScheduleDescriptor(schedule.name(), schedule.taskName(), cron, zone, every, schedule.args(),
				schedule.kwargs(), schedule.queue(), schedule.priority(), schedule.expires(), schedule.missedTicks(),
				lastTick, nextTick, active);
	}

}
