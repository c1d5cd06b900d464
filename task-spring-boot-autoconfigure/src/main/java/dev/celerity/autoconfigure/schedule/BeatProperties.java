package dev.celerity.autoconfigure.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.celerity.api.MissedTickPolicy;

/**
 * Configuration of periodic tasks, under the prefix {@code celerity.beat}.
 */
@ConfigurationProperties("celerity.beat")
public class BeatProperties {

	/** Whether this instance runs the scheduler; schedules are validated and listed either way. */
	private boolean enabled = true;

	/** Time zone of cron expressions that name none; one zone for all instances keeps their ticks identical. */
	private ZoneId zone = ZoneId.of("UTC");

	/** What to do with ticks missed while every instance was down or paused: skip, or run-once. */
	private MissedTickPolicy missedTicks = MissedTickPolicy.RUN_ONCE;

	/** How late a tick may be enqueued and still count as on time rather than missed. */
	private Duration missedTickThreshold = Duration.ofSeconds(5);

	/** How long the Redis key recording which instance claimed a tick is kept. */
	private Duration claimTimeToLive = Duration.ofMinutes(10);

	/** Schedules by name: Celery's beat_schedule in Spring form. */
	private Map<String, Schedule> schedules = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public ZoneId getZone() {
		return this.zone;
	}

	public void setZone(ZoneId zone) {
		this.zone = zone;
	}

	public MissedTickPolicy getMissedTicks() {
		return this.missedTicks;
	}

	public void setMissedTicks(MissedTickPolicy missedTicks) {
		this.missedTicks = missedTicks;
	}

	public Duration getMissedTickThreshold() {
		return this.missedTickThreshold;
	}

	public void setMissedTickThreshold(Duration missedTickThreshold) {
		this.missedTickThreshold = missedTickThreshold;
	}

	public Duration getClaimTimeToLive() {
		return this.claimTimeToLive;
	}

	public void setClaimTimeToLive(Duration claimTimeToLive) {
		this.claimTimeToLive = claimTimeToLive;
	}

	public Map<String, Schedule> getSchedules() {
		return this.schedules;
	}

	public void setSchedules(Map<String, Schedule> schedules) {
		this.schedules = schedules;
	}

	/**
	 * One configured schedule.
	 */
	public static class Schedule {

		/** Name of the task each tick sends. */
		private String task;

		/** Cron expression: six fields, seconds first, or a macro such as @hourly. */
		private String cron;

		/** Time zone of the cron expression; defaults to celerity.beat.zone. */
		private String zone;

		/** Fixed rate between ticks, instead of a cron expression. */
		private Duration every;

		/** How long after start-up the first fixed-rate tick may come at the earliest. */
		private Duration initialDelay;

		/** Positional arguments of each call. */
		private List<Object> args = new ArrayList<>();

		/** Keyword arguments of each call, by parameter name. */
		private Map<String, Object> kwargs = new LinkedHashMap<>();

		/** What to do with missed ticks; defaults to celerity.beat.missed-ticks. */
		private MissedTickPolicy missedTicks;

		private final Options options = new Options();

		public String getTask() {
			return this.task;
		}

		public void setTask(String task) {
			this.task = task;
		}

		public String getCron() {
			return this.cron;
		}

		public void setCron(String cron) {
			this.cron = cron;
		}

		public String getZone() {
			return this.zone;
		}

		public void setZone(String zone) {
			this.zone = zone;
		}

		public Duration getEvery() {
			return this.every;
		}

		public void setEvery(Duration every) {
			this.every = every;
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public List<Object> getArgs() {
			return this.args;
		}

		public void setArgs(List<Object> args) {
			this.args = args;
		}

		public Map<String, Object> getKwargs() {
			return this.kwargs;
		}

		public void setKwargs(Map<String, Object> kwargs) {
			this.kwargs = kwargs;
		}

		public MissedTickPolicy getMissedTicks() {
			return this.missedTicks;
		}

		public void setMissedTicks(MissedTickPolicy missedTicks) {
			this.missedTicks = missedTicks;
		}

		public Options getOptions() {
			return this.options;
		}

	}

	/**
	 * Options of each call a schedule sends.
	 */
	public static class Options {

		/** Queue of each call; unset leaves it to routing. */
		private String queue;

		/** Priority 0-9 of each call, higher first; unset leaves it to routing. */
		private Integer priority;

		/** How long after it is sent a call may still start; later it is revoked, so a backlog does not pile up. */
		private Duration expires;

		public String getQueue() {
			return this.queue;
		}

		public void setQueue(String queue) {
			this.queue = queue;
		}

		public Integer getPriority() {
			return this.priority;
		}

		public void setPriority(Integer priority) {
			this.priority = priority;
		}

		public Duration getExpires() {
			return this.expires;
		}

		public void setExpires(Duration expires) {
			this.expires = expires;
		}

	}

}
