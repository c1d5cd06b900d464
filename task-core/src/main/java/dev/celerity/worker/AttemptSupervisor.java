package dev.celerity.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.message.TaskMessage;
import dev.celerity.registry.TaskDefinition;

/**
 * Watches the running attempts of this instance: enforces soft and hard time limits and terminates a revoked task
 * on request. Java cannot kill a thread, so the hard limit and terminate settle the attempt at once (its message is
 * acknowledged, its outcome stored) and interrupt the thread; whatever the task returns later is discarded.
 */
public class AttemptSupervisor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AttemptSupervisor.class);

	private final TimeLimitPolicy timeLimits;

	private final Clock clock;

	private final Map<String, SupervisedAttempt> running = new ConcurrentHashMap<>();

	private final ScheduledThreadPoolExecutor timers;

	/**
	 * Creates a supervisor.
	 * @param timeLimits decides each task's limits
	 * @param clock the clock for start times
	 */
	public AttemptSupervisor(TimeLimitPolicy timeLimits, Clock clock) {
		this.timeLimits = timeLimits;
		this.clock = clock;
		this.timers = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "celerity-time-limits");
			thread.setDaemon(true);
			return thread;
		});
		this.timers.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Creates a supervisor without time limits (revoke with terminate still works).
	 * @return the supervisor
	 */
	public static AttemptSupervisor withoutTimeLimits() {
		return new AttemptSupervisor(TimeLimitPolicy.NONE, Clock.systemUTC());
	}

	/**
	 * Interrupts the attempt of a task running on this instance and settles it through its terminate callback.
	 * @param taskId the task id
	 * @return {@code true} if the task ran here and was terminated
	 */
	public boolean terminate(String taskId) {
		SupervisedAttempt attempt = this.running.get(taskId);
		if (attempt == null || !attempt.claim()) {
			return false;
		}
		runQuietly(attempt.onTerminate(), attempt, "terminate");
		attempt.interrupt();
		return true;
	}

	/**
	 * Returns the tasks running on this instance now.
	 * @return one entry per running attempt, oldest first
	 */
	public List<RunningTask> running() {
		return this.running.values()
			.stream()
			.map((attempt) -> new RunningTask(attempt.taskId(), attempt.taskName(), attempt.startedAt()))
			.sorted(Comparator.comparing(RunningTask::startedAt))
			.toList();
	}

	@Override
	public void close() {
		this.timers.shutdownNow();
	}

	SupervisedAttempt begin(TaskMessage message, TaskDefinition task, Consumer<SupervisedAttempt> onHardLimit,
			Consumer<SupervisedAttempt> onTerminate) {
		String taskId = message.id();
		SupervisedAttempt attempt = new SupervisedAttempt(taskId, task.name(), Thread.currentThread(),
				this.clock.instant(), onTerminate);
		this.running.put(taskId, attempt);
		TimeLimits limits = limits(task, message);
		ScheduledFuture<?> soft = (limits.soft() != null)
				? schedule(limits.soft(), () -> attempt.softLimitReached(limits.soft())) : null;
		ScheduledFuture<?> hard = (limits.hard() != null) ? schedule(limits.hard(), () -> {
			if (attempt.claim()) {
				logger.warn("Task {} [{}] exceeded its hard time limit of {}; failing the attempt", task.name(),
						taskId, limits.hard());
				runQuietly(onHardLimit, attempt, "hard time limit");
				attempt.interrupt();
			}
		}) : null;
		attempt.timers(soft, hard);
		return attempt;
	}

	void end(SupervisedAttempt attempt) {
		attempt.finish();
		this.running.remove(attempt.taskId(), attempt);
	}

	/**
	 * Returns the limits of one attempt: each limit the call set (Celery's {@code timelimit} header) beats the
	 * policy's (configuration, then {@code @TimeLimit}, then the defaults).
	 */
	TimeLimits limits(TaskDefinition task, TaskMessage message) {
		TimeLimits call = new TimeLimits(message.headers().softTimeLimit(), message.headers().hardTimeLimit());
		return call.orElse(this.timeLimits.limitsFor(task));
	}

	private ScheduledFuture<?> schedule(Duration delay, Runnable action) {
		return this.timers.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
	}

	private static void runQuietly(Consumer<SupervisedAttempt> action, SupervisedAttempt attempt, String what) {
		try {
			action.accept(attempt);
		}
		catch (RuntimeException ex) {
			logger.error("Could not settle task {} [{}] after {}", attempt.taskName(), attempt.taskId(), what, ex);
		}
	}

	/**
	 * A task running on this instance.
	 *
	 * @param taskId the task id
	 * @param taskName the task name
	 * @param startedAt when the attempt started
	 */
	public record RunningTask(String taskId, String taskName, Instant startedAt) {
	}

}
