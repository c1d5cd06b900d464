package dev.celerity.autoconfigure.control;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time limits of task attempts, under the prefix {@code celerity.time-limits}: defaults at this level, per task
 * name under {@code tasks}. Configuration beats a task's {@code @TimeLimit}, which beats the defaults.
 */
@ConfigurationProperties("celerity.time-limits")
public class CelerityTimeLimitProperties {

	/** Soft limit of tasks that set none: the task's thread is interrupted so it can clean up. */
	private Duration soft;

	/** Hard limit of tasks that set none: the attempt is failed whatever the task does. */
	private Duration hard;

	/** Limits by task name. */
	private Map<String, Limits> tasks = new LinkedHashMap<>();

	public Duration getSoft() {
		return this.soft;
	}

	public void setSoft(Duration soft) {
		this.soft = soft;
	}

	public Duration getHard() {
		return this.hard;
	}

	public void setHard(Duration hard) {
		this.hard = hard;
	}

	public Map<String, Limits> getTasks() {
		return this.tasks;
	}

	public void setTasks(Map<String, Limits> tasks) {
		this.tasks = tasks;
	}

	/**
	 * The limits of one task.
	 */
	public static class Limits {

		/** Soft limit: the task's thread is interrupted so it can clean up. */
		private Duration soft;

		/** Hard limit: the attempt is failed whatever the task does. */
		private Duration hard;

		public Duration getSoft() {
			return this.soft;
		}

		public void setSoft(Duration soft) {
			this.soft = soft;
		}

		public Duration getHard() {
			return this.hard;
		}

		public void setHard(Duration hard) {
			this.hard = hard;
		}

	}

}
