package dev.celerity.ratelimit;

import java.util.List;
import java.util.function.Consumer;

/**
 * Carries run-time rate limit changes to every instance (on Redis: a versioned hash and pub/sub).
 */
public interface RateLimitChannel {

	/**
	 * Broadcasts a change to every instance, this one included.
	 * @param task the task name
	 * @param limit the new limit, {@code null} to remove it
	 * @return the change as broadcast, with its version
	 */
	RateLimitChange publish(String task, RateLimit limit);

	/**
	 * Registers the receiver of every change, and returns the changes made before (so a starting instance catches up).
	 * @param receiver called for each change
	 * @return the latest change of each task so far
	 */
	List<RateLimitChange> subscribe(Consumer<RateLimitChange> receiver);

}
