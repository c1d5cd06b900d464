package dev.celerity.routing;

import java.util.Map;

import org.springframework.util.Assert;

/**
 * The last source of routing: the default queue, the application's default priority and each declared queue's own
 * default priority.
 *
 * @param queue the queue of tasks nothing else routes
 * @param priority the priority of tasks nothing else prioritises, on queues without their own default
 * @param queuePriorities default priorities of declared queues, by queue name
 */
public record RoutingDefaults(String queue, int priority, Map<String, Integer> queuePriorities) {

	public RoutingDefaults {
		Assert.hasText(queue, "Default queue must not be empty");
		Assert.isTrue(priority >= 0 && priority <= 9, () -> "Default priority must be between 0 and 9: " + priority);
		queuePriorities = Map.copyOf(queuePriorities);
	}

	/**
	 * Returns the default priority of a queue.
	 * @param queueName the queue
	 * @return its declared default priority, or the application's
	 */
	public int priorityOf(String queueName) {
		return this.queuePriorities.getOrDefault(queueName, this.priority);
	}

	/**
	 * Whether a queue declares its own default priority.
	 * @param queueName the queue
	 * @return {@code true} if it does
	 */
	public boolean hasOwnPriority(String queueName) {
		return this.queuePriorities.containsKey(queueName);
	}

}
