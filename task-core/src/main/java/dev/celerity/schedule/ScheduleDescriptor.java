package dev.celerity.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.celerity.api.MissedTickPolicy;

/**
 * A schedule and its state, as shown to operators (the control endpoint).
 *
 * @param name the schedule's name
 * @param task the task it enqueues
 * @param cron the cron expression, or {@code null} for a fixed rate
 * @param zone the cron's time zone, or {@code null}
 * @param every the fixed rate, or {@code null} for a cron
 * @param args positional arguments of each call
 * @param kwargs keyword arguments of each call
 * @param queue the queue of each call, or {@code null}
 * @param priority the priority of each call, or {@code null}
 * @param expires how long after it is sent a call may still start, or {@code null}
 * @param missedTicks the missed-tick policy
 * @param lastTick the last tick any instance claimed (enqueued, or skipped by policy), or {@code null}
 * @param nextTick the next tick, or {@code null} if there is none
 * @param active whether this instance's scheduler runs the schedule
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleDescriptor(String name, String task, String cron, String zone, Duration every, List<Object> args,
		Map<String, Object> kwargs, String queue, Integer priority, Duration expires, MissedTickPolicy missedTicks,
		Instant lastTick, Instant nextTick, boolean active) {

}
