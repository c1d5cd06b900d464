package dev.celerity.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.celerity.api.MissedTickPolicy;

/**
 * A schedule as declared, before validation: the one shape both {@code @Periodic} and configuration properties are
 * turned into. Unset values are {@code null} (or empty).
 *
 * @param origin where it was declared
 * @param name the schedule's name
 * @param task the task's name
 * @param cron a cron expression, or {@code null}
 * @param zone the cron's time zone id, or {@code null} for the default
 * @param every the fixed rate, or {@code null}
 * @param initialDelay the initial delay of a fixed rate, or {@code null}
 * @param args positional arguments
 * @param kwargs keyword arguments
 * @param queue the queue, or {@code null}
 * @param priority the priority, or {@code null}
 * @param expires how long after it is sent a call may still start, or {@code null}
 * @param missedTicks the missed-tick policy, {@code null} or {@link MissedTickPolicy#DEFAULT} for the default
 */
public record ScheduleSpec(ScheduleOrigin origin, String name, String task, String cron, String zone, Duration every,
		Duration initialDelay, List<Object> args, Map<String, Object> kwargs, String queue, Integer priority,
		Duration expires, MissedTickPolicy missedTicks) {

	public ScheduleSpec {
		args = (args != null) ? args : List.of();
		kwargs = (kwargs != null) ? kwargs : Map.of();
	}

}
