package dev.celerity.autoconfigure.routing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Queue declarations and route rules, under the prefix {@code celerity}.
 */
@ConfigurationProperties("celerity")
public class CelerityRoutingProperties {

	/** Declared queues by name, each with its own settings. Undeclared queues are created on first use. */
	private Map<String, QueueSettings> queues = new LinkedHashMap<>();

	/**
	 * Routes by task name or '*' glob (write dotted names in brackets: '[orders.*]'): exact names win over globs,
	 * globs are tried in declaration order. A route beats the task's @Task attributes.
	 */
	private Map<String, RouteSettings> routes = new LinkedHashMap<>();

	public Map<String, QueueSettings> getQueues() {
		return this.queues;
	}

	public void setQueues(Map<String, QueueSettings> queues) {
		this.queues = queues;
	}

	public Map<String, RouteSettings> getRoutes() {
		return this.routes;
	}

	public void setRoutes(Map<String, RouteSettings> routes) {
		this.routes = routes;
	}

	/**
	 * Settings of one declared queue.
	 */
	public static class QueueSettings {

		/** Priority (0-9, higher runs first) of tasks sent to this queue that nothing else prioritises. */
		private Integer defaultPriority;

		public Integer getDefaultPriority() {
			return this.defaultPriority;
		}

		public void setDefaultPriority(Integer defaultPriority) {
			this.defaultPriority = defaultPriority;
		}

	}

	/**
	 * Where the tasks a route matches go.
	 */
	public static class RouteSettings {

		/** Queue of the matched tasks; unset leaves it to the task or the default. */
		private String queue;

		/** Priority (0-9, higher runs first) of the matched tasks; unset leaves it to the task or the queue. */
		private Integer priority;

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

	}

}
