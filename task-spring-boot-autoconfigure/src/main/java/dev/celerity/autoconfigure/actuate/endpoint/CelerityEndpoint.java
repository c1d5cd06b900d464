package dev.celerity.autoconfigure.actuate.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import dev.celerity.api.RemoteError;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.QueueStats;
import dev.celerity.control.ClusterControl;
import dev.celerity.control.ControlOutcome;
import dev.celerity.control.ControlReply;
import dev.celerity.control.WorkerHeartbeat;
import dev.celerity.ratelimit.InvalidRateLimitException;
import dev.celerity.ratelimit.RateLimit;
import dev.celerity.ratelimit.RateLimits;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.schedule.PeriodicSchedules;
import dev.celerity.schedule.ScheduleDescriptor;
import dev.celerity.worker.TimeLimitPolicy;
import dev.celerity.worker.TimeLimits;

/**
 * The {@code celerity} Actuator endpoint: inspect workers, queues, tasks and schedules, and control the cluster
 * (revoke, purge, pause, resume, replay dead letters, rate limits). Writes that every instance must apply are
 * broadcast, and the reply names the instances that applied them.
 *
 * <p>Its access is read-only unless {@code management.endpoint.celerity.access=unrestricted}: exposing the endpoint
 * must not let a client purge a queue or revoke tasks before the application has decided who may. Boot then does not
 * register the write operations at all, on the web or over JMX.
 */
@Endpoint(id = "celerity", defaultAccess = Access.READ_ONLY)
public class CelerityEndpoint {

	private static final int DEAD_LETTERS_SHOWN = 20;

	private final ClusterControl control;

	private final TaskRegistry registry;

	private final Supplier<Set<String>> queues;

	private final @Nullable PeriodicSchedules schedules;

	private final TimeLimitPolicy timeLimits;

	private final @Nullable RateLimits rateLimits;

	private final String defaultQueue;

	/**
	 * Creates the endpoint.
	 * @param control the cluster control
	 * @param registry the registered tasks
	 * @param queues the queues to list
	 * @param schedules the periodic schedules, {@code null} without them
	 * @param timeLimits the time limits of tasks
	 * @param rateLimits the rate limits in force, {@code null} to show the declared ones
	 * @param defaultQueue the queue of tasks that name none
	 */
	public CelerityEndpoint(ClusterControl control, TaskRegistry registry, Supplier<Set<String>> queues,
			@Nullable PeriodicSchedules schedules, TimeLimitPolicy timeLimits, @Nullable RateLimits rateLimits,
			String defaultQueue) {
		this.rateLimits = rateLimits;
		this.control = control;
		this.registry = registry;
		this.queues = queues;
		this.schedules = schedules;
		this.timeLimits = timeLimits;
		this.defaultQueue = defaultQueue;
	}

	/**
	 * Describes the cluster: workers, queues, tasks and schedules.
	 * @return the overview
	 */
	@ReadOperation
	public CelerityDescriptor celerity() {
		return new CelerityDescriptor(workers(), queues(), tasks(), schedules());
	}

	/**
	 * Describes one part of the cluster.
	 * @param section {@code workers}, {@code queues}, {@code tasks} or {@code schedules}
	 * @return the part, {@code null} for an unknown section
	 */
	@ReadOperation
	public @Nullable Object section(@Selector String section) {
		return switch (section) {
			case "workers" -> workers();
			case "queues" -> queues();
			case "tasks" -> tasks();
			case "schedules" -> schedules();
			default -> null;
		};
	}

	/**
	 * Describes one queue (with its oldest dead letters), one task by id (state, meta, result or error) or one
	 * schedule.
	 * @param section {@code queues}, {@code tasks} or {@code schedules}
	 * @param name the queue name, the task id or the schedule name
	 * @return the description, {@code null} when unknown
	 */
	@ReadOperation
	public @Nullable Object item(@Selector String section, @Selector String name) {
		return switch (section) {
			case "queues" -> queueDetail(name);
			case "tasks" -> this.control.task(name).map(TaskStateDescriptor::of).orElse(null);
			case "schedules" -> (this.schedules != null) ? this.schedules.schedule(name).orElse(null) : null;
			default -> null;
		};
	}

	/**
	 * Controls a task, a queue or a rate limit.
	 * <ul>
	 * <li>{@code tasks/{id}}: {@code revoke} (with {@code terminate} to interrupt it if it runs)</li>
	 * <li>{@code queues/{name}}: {@code purge}, {@code pause}, {@code resume}, {@code replay} (dead letters, at most
	 * {@code max})</li>
	 * <li>{@code rate-limits/{task}}: {@code set} (to {@code limit}) or {@code remove}</li>
	 * </ul>
	 * @param section {@code tasks}, {@code queues} or {@code rate-limits}
	 * @param name the task id, queue name or task name
	 * @param action what to do
	 * @param terminate for revoke: interrupt the task if it runs
	 * @param limit for a rate limit: the new limit
	 * @param max for replay: the most dead letters to move (default 100)
	 * @return what was done, and where
	 * @throws IllegalArgumentException for an unknown section or action, or a missing argument
	 */
	@WriteOperation
	public ControlDescriptor control(@Selector String section, @Selector String name, String action,
			@Nullable Boolean terminate, @Nullable String limit, @Nullable Integer max) {
		return switch (section + "/" + action) {
			case "tasks/revoke" -> ControlDescriptor.of(this.control.revoke(name, Boolean.TRUE.equals(terminate)));
			case "queues/pause" -> ControlDescriptor.of(this.control.pause(name));
			case "queues/resume" -> ControlDescriptor.of(this.control.resume(name));
			case "queues/purge" -> ControlDescriptor.local("purge", name, this.control.purge(name));
			case "queues/replay" -> ControlDescriptor.local("replay", name,
					this.control.replayDeadLetters(name, (max != null) ? max : 100));
			case "rate-limits/set" -> ControlDescriptor.of(this.control.rateLimit(name, validLimit(limit)));
			case "rate-limits/remove" -> ControlDescriptor.of(this.control.rateLimit(name, null));
			default -> throw new IllegalArgumentException(
					"Unknown action '" + action + "' on '" + section + "'; see the endpoint documentation");
		};
	}

	private List<WorkerDescriptor> workers() {
		return this.control.workers().stream().map(WorkerDescriptor::of).toList();
	}

	private List<QueueDescriptor> queues() {
		return this.queues.get().stream().sorted().map((queue) -> QueueDescriptor.of(this.control.queue(queue)))
			.toList();
	}

	private QueueDetailDescriptor queueDetail(String queue) {
		QueueStats stats = this.control.queue(queue);
		List<DeadLetterDescriptor> deadLetters = this.control.deadLetters(queue, DEAD_LETTERS_SHOWN)
			.stream()
			.map((letter) -> new DeadLetterDescriptor(letter.id(), letter.reason(), letter.at()))
			.toList();
		return new QueueDetailDescriptor(QueueDescriptor.of(stats), deadLetters);
	}

	private List<TaskDescriptor> tasks() {
		return this.registry.all()
			.stream()
			.sorted(Comparator.comparing(TaskDefinition::name))
			.map((task) -> TaskDescriptor.of(task, this.defaultQueue, rateLimitOf(task),
					this.timeLimits.limitsFor(task)))
			.toList();
	}

	private @Nullable RateLimit rateLimitOf(TaskDefinition task) {
		return (this.rateLimits != null) ? this.rateLimits.limitOf(task.name()).orElse(null) : task.rateLimit();
	}

	private List<ScheduleDescriptor> schedules() {
		return (this.schedules != null) ? this.schedules.schedules() : List.of();
	}

	private static String validLimit(@Nullable String limit) {
		if (limit == null || limit.isBlank()) {
			throw new IllegalArgumentException("Missing 'limit'");
		}
		try {
			return RateLimit.parse(limit).toString();
		}
		catch (InvalidRateLimitException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/**
	 * The overview.
	 *
	 * @param workers the live workers
	 * @param queues the known queues
	 * @param tasks the registered tasks
	 * @param schedules the periodic schedules with their last and next ticks
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CelerityDescriptor(List<WorkerDescriptor> workers, List<QueueDescriptor> queues,
			List<TaskDescriptor> tasks, List<ScheduleDescriptor> schedules) {
	}

	/**
	 * A live worker instance.
	 *
	 * @param id the instance id
	 * @param host its host
	 * @param pid its process id
	 * @param application its application name
	 * @param pools its pools
	 * @param active tasks running now
	 * @param processed tasks finished since start
	 * @param lastHeartbeat when it last reported
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record WorkerDescriptor(String id, String host, long pid, String application,
			List<WorkerHeartbeat.PoolStatus> pools, int active, long processed, Instant lastHeartbeat) {

		static WorkerDescriptor of(WorkerHeartbeat beat) {
			return new WorkerDescriptor(beat.instance().id(), beat.instance().host(), beat.instance().pid(),
					beat.instance().application(), beat.pools(), beat.active(), beat.processed(), beat.at());
		}

	}

	/**
	 * A queue's counts.
	 *
	 * @param name the queue
	 * @param depth waiting messages (ready and delayed)
	 * @param readyByPriority ready messages by priority
	 * @param delayed messages waiting for their ETA
	 * @param leased messages leased to workers (running or prefetched)
	 * @param deadLetters messages in the dead-letter store
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record QueueDescriptor(String name, long depth, Map<Integer, Long> readyByPriority, long delayed,
			long leased, long deadLetters) {

		static QueueDescriptor of(QueueStats stats) {
			return new QueueDescriptor(stats.queue(), stats.depth(), stats.readyByPriority(), stats.delayed(),
					stats.leased(), stats.deadLetters());
		}

	}

	/**
	 * A queue with its oldest dead letters.
	 *
	 * @param queue the queue's counts
	 * @param oldestDeadLetters up to 20 dead letters, oldest first
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record QueueDetailDescriptor(QueueDescriptor queue, List<DeadLetterDescriptor> oldestDeadLetters) {
	}

	/**
	 * A dead letter.
	 *
	 * @param id the message id
	 * @param reason why it could not run
	 * @param at when it was dead-lettered
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DeadLetterDescriptor(String id, String reason, Instant at) {
	}

	/**
	 * A registered task and its effective settings.
	 *
	 * @param name the task name
	 * @param method the bean method
	 * @param queue the queue it goes to unless routing or the caller decide otherwise
	 * @param priority its priority, {@code null} for the queue default
	 * @param rateLimit the rate limit in force, {@code null} for none
	 * @param maxRetries the most retries
	 * @param autoretryFor exception types retried automatically
	 * @param softTimeLimit its soft time limit, {@code null} for none
	 * @param hardTimeLimit its hard time limit, {@code null} for none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TaskDescriptor(String name, String method, String queue, Integer priority, String rateLimit,
			int maxRetries, List<String> autoretryFor, Duration softTimeLimit, Duration hardTimeLimit) {

		static TaskDescriptor of(TaskDefinition task, String defaultQueue, @Nullable RateLimit rateLimit,
				TimeLimits limits) {
			return new TaskDescriptor(task.name(), task.methodDescription(),
					(task.queue() != null) ? task.queue() : defaultQueue, task.priority(),
					(rateLimit != null) ? rateLimit.toString() : null, task.retryPolicy().maxRetries(),
					task.retryPolicy().autoretryFor().stream().map(Class::getName).toList(), limits.soft(),
					limits.hard());
		}

	}

	/**
	 * A task's stored state.
	 *
	 * @param id the task id
	 * @param name the task name
	 * @param state its state
	 * @param meta the state's meta data
	 * @param result its result, for {@code SUCCESS}
	 * @param error its failure, for {@code FAILURE} and {@code RETRY}
	 * @param date when the state was recorded
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TaskStateDescriptor(String id, String name, String state, Map<String, Object> meta, Object result,
			RemoteError error, Instant date) {

		static TaskStateDescriptor of(TaskResult result) {
			return new TaskStateDescriptor(result.taskId(), result.taskName(), result.state(), result.meta(),
					result.result(), result.error(), result.dateDone());
		}

	}

	/**
	 * The outcome of a control operation.
	 *
	 * @param action what was done
	 * @param arguments its arguments
	 * @param appliedBy the instances that applied it ({@code broker} for a change made once in the shared broker)
	 * @param replies every instance's reply
	 * @param count how many messages were affected, for purge and replay
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ControlDescriptor(String action, Map<String, String> arguments, List<String> appliedBy,
			List<ControlReply> replies, Long count) {

		static ControlDescriptor of(ControlOutcome outcome) {
			return new ControlDescriptor(outcome.action(), outcome.arguments(), outcome.appliedBy(), outcome.replies(),
					null);
		}

		static ControlDescriptor local(String action, String queue, long count) {
			return new ControlDescriptor(action, Map.of("queue", queue), List.of("broker"), List.of(), count);
		}

	}

}
