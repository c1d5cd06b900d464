package dev.celerity.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.Assert;

import dev.celerity.api.MissedTickPolicy;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskOptions;

/**
 * A validated schedule: which task it enqueues, when, with which arguments and options.
 *
 * @param name the schedule's unique name (part of every claim key, so keep it stable across releases)
 * @param taskName the task it enqueues
 * @param timing when it ticks
 * @param args positional arguments of each call
 * @param kwargs keyword arguments of each call
 * @param queue the queue of each call, or {@code null} to leave it to routing
 * @param priority the priority of each call, or {@code null} to leave it to routing
 * @param expires how long after it is sent a call may still start, or {@code null} for no expiry
 * @param missedTicks what to do with missed ticks, {@link MissedTickPolicy#SKIP} or {@link MissedTickPolicy#RUN_ONCE}
 * @param origin where the schedule was declared
 */
public record PeriodicSchedule(String name, String taskName, Timing timing, List<Object> args,
		Map<String, Object> kwargs, String queue, Integer priority, Duration expires, MissedTickPolicy missedTicks,
		ScheduleOrigin origin) {

	public PeriodicSchedule {
		Assert.hasText(name, "Name must not be empty");
		Assert.hasText(taskName, "Task name must not be empty");
		Assert.notNull(timing, "Timing must not be null");
		Assert.isTrue(missedTicks == MissedTickPolicy.SKIP || missedTicks == MissedTickPolicy.RUN_ONCE,
				"Missed-tick policy must be SKIP or RUN_ONCE");
		args = Collections.unmodifiableList(new ArrayList<>(args));
		kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
	}

	/**
	 * Returns the id of the task sent for a tick: the same on every instance, so the tick can be traced (and a
	 * broker's idempotent publish adds a second guard against doubles).
	 * @param tick the tick
	 * @return a name-based UUID of the schedule and the tick
	 */
	public String taskId(Instant tick) {
		byte[] key = ("celerity-beat:" + this.name + ":" + tick.toEpochMilli()).getBytes(StandardCharsets.UTF_8);
		return UUID.nameUUIDFromBytes(key).toString();
	}

	/**
	 * Returns the call a tick sends.
	 * @param tick the tick
	 * @param sentAt when the call is sent (later than the tick when it stands for missed ticks); its expiry counts
	 * from here, so that a catch-up call is not revoked before it could run
	 * @return the signature with this schedule's arguments and options
	 */
	public Signature<Object> signature(Instant tick, Instant sentAt) {
		Signature<Object> signature = Signature.of(this.taskName, this.args.toArray());
		for (Map.Entry<String, Object> kwarg : this.kwargs.entrySet()) {
			signature = signature.kwarg(kwarg.getKey(), kwarg.getValue());
		}
		TaskOptions options = TaskOptions.none().withTaskId(taskId(tick));
		if (this.queue != null) {
			options = options.withQueue(this.queue);
		}
		if (this.priority != null) {
			options = options.withPriority(this.priority);
		}
		if (this.expires != null) {
			options = options.withExpires(sentAt.plus(this.expires));
		}
		return signature.set(options);
	}

}
