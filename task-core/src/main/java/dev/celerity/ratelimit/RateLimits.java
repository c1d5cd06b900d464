package dev.celerity.ratelimit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limits in force, and the API to change them at run time. A task's limit is, first that applies: the last
 * run-time change (broadcast to every instance), the configured limit ({@code celerity.rate-limits.<task>}), the
 * limit the task declares ({@code @Task(rateLimit = ...)}).
 */
public class RateLimits {

	private static final Logger logger = LoggerFactory.getLogger(RateLimits.class);

	private final Function<String, RateLimit> declared;

	private final Supplier<Collection<String>> declaringTasks;

	private final Map<String, RateLimit> configured;

	private final RateLimitChannel channel;

	private final Map<String, RateLimitChange> changes = new ConcurrentHashMap<>();

	/**
	 * Creates the limits and subscribes to run-time changes.
	 * @param declared the limit a task declares itself ({@code @Task(rateLimit)}), {@code null} for none
	 * @param declaringTasks the names of the tasks that may declare limits (for {@link #all()})
	 * @param configured limits from configuration by task name, beating the declared ones
	 * @param channel carries run-time changes between instances
	 */
	public RateLimits(Function<String, RateLimit> declared, Supplier<Collection<String>> declaringTasks,
			Map<String, RateLimit> configured, RateLimitChannel channel) {
		this.declared = declared;
		this.declaringTasks = declaringTasks;
		this.configured = Map.copyOf(configured);
		this.channel = channel;
		channel.subscribe(this::apply).forEach(this::apply);
	}

	/**
	 * Changes a task's limit on every instance.
	 * @param task the task name
	 * @param limit the limit: {@code N/s}, {@code N/m}, {@code N/h} or {@code N}
	 * @throws InvalidRateLimitException if the limit is malformed
	 */
	public void update(String task, String limit) {
		update(task, RateLimit.parse(limit));
	}

	/**
	 * Changes a task's limit on every instance; tokens already taken stay taken.
	 * @param task the task name
	 * @param limit the limit
	 */
	public void update(String task, RateLimit limit) {
		this.channel.publish(task, limit);
	}

	/**
	 * Removes a task's limit on every instance (including a configured or annotated one).
	 * @param task the task name
	 */
	public void remove(String task) {
		this.channel.publish(task, null);
	}

	/**
	 * Returns the limit in force for a task.
	 * @param task the task name
	 * @return the limit, empty when the task runs unlimited
	 */
	public Optional<RateLimit> limitOf(String task) {
		RateLimitChange change = this.changes.get(task);
		if (change != null) {
			return Optional.ofNullable(change.limit());
		}
		RateLimit limit = this.configured.get(task);
		if (limit != null) {
			return Optional.of(limit);
		}
		return Optional.ofNullable(this.declared.apply(task));
	}

	/**
	 * Returns the version of a task's limit: 0 as configured, then growing with each run-time change.
	 * @param task the task name
	 * @return the version
	 */
	public long versionOf(String task) {
		RateLimitChange change = this.changes.get(task);
		return (change != null) ? change.version() : 0;
	}

	/**
	 * Returns every limit in force, by task name.
	 * @return the limits, sorted by task name
	 */
	public Map<String, RateLimit> all() {
		Map<String, RateLimit> all = new TreeMap<>();
		this.declaringTasks.get().forEach((task) -> limitOf(task).ifPresent((l) -> all.put(task, l)));
		this.configured.keySet().forEach((task) -> limitOf(task).ifPresent((l) -> all.put(task, l)));
		this.changes.keySet().forEach((task) -> limitOf(task).ifPresent((l) -> all.put(task, l)));
		return new LinkedHashMap<>(all);
	}

	private void apply(RateLimitChange change) {
		RateLimitChange applied = this.changes.merge(change.task(), change,
				(current, next) -> (next.version() > current.version()) ? next : current);
		if (applied == change) {
			logger.info("Rate limit of task '{}' is now {} (version {})", change.task(),
					(change.limit() != null) ? change.limit() : "none", change.version());
		}
	}

}
