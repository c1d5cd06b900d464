package dev.celerity.routing;

import org.springframework.util.Assert;

/**
 * What a {@link RoutingRule} decides: a queue, a priority, both or neither ({@code null} leaves a field to later
 * sources).
 *
 * @param queue the queue, or {@code null}
 * @param priority the priority 0-9 (higher runs first), or {@code null}
 */
public record RouteHint(String queue, Integer priority) {

	private static final RouteHint PASS = new RouteHint(null, null);

	public RouteHint {
		Assert.isTrue(queue == null || !queue.isBlank(), "Queue must not be blank");
		Assert.isTrue(priority == null || (priority >= 0 && priority <= 9),
				() -> "Priority must be between 0 and 9, but was " + priority);
	}

	/**
	 * Leaves queue and priority to later sources.
	 * @return the empty hint
	 */
	public static RouteHint pass() {
		return PASS;
	}

	/**
	 * Chooses a queue only.
	 * @param queue the queue
	 * @return the hint
	 */
	public static RouteHint queue(String queue) {
		return new RouteHint(queue, null);
	}

	/**
	 * Chooses a priority only.
	 * @param priority 0-9, higher runs first
	 * @return the hint
	 */
	public static RouteHint priority(int priority) {
		return new RouteHint(null, priority);
	}

	/**
	 * Returns a copy that also chooses a priority.
	 * @param priority 0-9, higher runs first
	 * @return the hint
	 */
	public RouteHint withPriority(int priority) {
		return new RouteHint(this.queue, priority);
	}

	/**
	 * Whether this hint leaves both fields open.
	 * @return {@code true} for a pass
	 */
	public boolean isPass() {
		return this.queue == null && this.priority == null;
	}

}
