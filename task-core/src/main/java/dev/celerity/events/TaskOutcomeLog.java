package dev.celerity.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.api.RemoteError;

/**
 * Logs how tasks end under one logger, {@value #LOGGER_NAME}: a final failure and a dead letter at WARN, a retry, a
 * revocation and an expiry at INFO, successes and rate-limit deferrals at DEBUG. One line per outcome, so that a
 * failed task shows up once in the log however many attempts it took; its levels are set like any other logger's
 * ({@code logging.level.dev.celerity.tasks=error}).
 */
public class TaskOutcomeLog implements TaskEventListener {

	/** The name of the logger every line goes to. */
	public static final String LOGGER_NAME = "dev.celerity.tasks";

	// enough for the attempts running at once on any realistic instance; an entry whose outcome never comes (the
	// worker stopped and handed the message back) is evicted rather than kept for ever
	private static final int MAX_RUNNING = 10_000;

	private final Logger logger;

	// TaskFailed carries no attempt number, TaskStarted does: remember it from the start to the outcome
	private final Cache<String, Integer> attempts = Caffeine.newBuilder().maximumSize(MAX_RUNNING).build();

	/**
	 * Creates the log that writes to {@value #LOGGER_NAME}.
	 */
	public TaskOutcomeLog() {
		this(LoggerFactory.getLogger(LOGGER_NAME));
	}

	TaskOutcomeLog(Logger logger) {
		this.logger = logger;
	}

	@Override
	public void onEvent(TaskEvent event) {
		if (event instanceof TaskEvent.TaskStarted started) {
			this.attempts.put(started.taskId(), started.retries() + 1);
		}
		else if (event instanceof TaskEvent.TaskSucceeded succeeded) {
			succeeded(succeeded);
		}
		else if (event instanceof TaskEvent.TaskRetried retried) {
			retried(retried);
		}
		else if (event instanceof TaskEvent.TaskFailed failed) {
			failed(failed);
		}
		else if (event instanceof TaskEvent.TaskRejected rejected) {
			this.logger.warn("Task {} [{}] dead-lettered from queue '{}': {}", name(rejected), rejected.taskId(),
					rejected.queue(), rejected.reason());
		}
		else if (event instanceof TaskEvent.TaskRevoked revoked) {
			this.attempts.invalidate(revoked.taskId());
			this.logger.info("Task {} [{}] revoked on queue '{}': {}", revoked.taskName(), revoked.taskId(),
					revoked.queue(), revoked.reason());
		}
		else if (event instanceof TaskEvent.TaskDeferred deferred) {
			this.logger.debug("Task {} [{}] deferred until {}: {}", deferred.taskName(), deferred.taskId(),
					deferred.until(), deferred.reason());
		}
	}

	private void succeeded(TaskEvent.TaskSucceeded succeeded) {
		Integer attempt = this.attempts.asMap().remove(succeeded.taskId());
		this.logger.debug("Task {} [{}] succeeded on attempt {} in {} ms", succeeded.taskName(), succeeded.taskId(),
				attempt(attempt), millis(succeeded));
	}

	private void retried(TaskEvent.TaskRetried retried) {
		// retries counts this retry, so it is also the number of the attempt that just failed; the next attempt
		// may already have started (the message was requeued before this event), so forget only this one
		this.attempts.asMap().remove(retried.taskId(), retried.retries());
		this.logger.info("Task {} [{}] failed on attempt {} and is retried at {}: {}", retried.taskName(),
				retried.taskId(), retried.retries(), retried.eta(), retried.error());
	}

	private void failed(TaskEvent.TaskFailed failed) {
		Integer attempt = this.attempts.asMap().remove(failed.taskId());
		RemoteError error = failed.error();
		this.logger.warn("Task {} [{}] failed on attempt {} (queue '{}'): {}", failed.taskName(), failed.taskId(),
				attempt(attempt), failed.queue(), error);
		if (error != null && !error.stackTrace().isEmpty() && this.logger.isDebugEnabled()) {
			// the exception was raised (and printed) on this worker's thread; its frames help only when asked for
			this.logger.debug("Task {} [{}] failure stack trace:{}{}", failed.taskName(), failed.taskId(),
					System.lineSeparator(), String.join(System.lineSeparator(), error.stackTrace()));
		}
	}

	private static String name(TaskEvent.TaskRejected rejected) {
		return (rejected.taskName() != null) ? rejected.taskName() : "(unreadable)";
	}

	private static String attempt(Integer attempt) {
		return (attempt != null) ? attempt.toString() : "?";
	}

	private static long millis(TaskEvent.TaskSucceeded succeeded) {
		return (succeeded.runtime() != null) ? succeeded.runtime().toMillis() : -1;
	}

}
