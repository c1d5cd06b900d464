package dev.celerity.control;

import java.time.Instant;
import java.util.List;

/**
 * Lists the periodic schedules of the application for the control endpoint; the scheduling feature declares one as
 * a bean. Without one the endpoint shows no schedules.
 */
@FunctionalInterface
public interface ScheduleInspector {

	/**
	 * Returns the schedules with their last and next fire times.
	 * @return the schedules
	 */
	List<ScheduleInfo> schedules();

	/**
	 * One schedule.
	 *
	 * @param name the schedule's name
	 * @param task the task it enqueues
	 * @param trigger its trigger, as configured (a cron expression with zone, or a fixed rate)
	 * @param lastFire when it last enqueued the task, {@code null} if never
	 * @param nextFire when it enqueues the task next, {@code null} if never again
	 */
	record ScheduleInfo(String name, String task, String trigger, Instant lastFire, Instant nextFire) {
	}

}
