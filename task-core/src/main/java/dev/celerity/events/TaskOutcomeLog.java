package dev.celerity.events;

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

	private final Logger logger;

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
		if (event instanceof TaskEvent.TaskSucceeded succeeded) {
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
			this.logger.info("Task {} [{}] revoked on queue '{}': {}", revoked.taskName(), revoked.taskId(),
					revoked.queue(), revoked.reason());
		}
		else if (event instanceof TaskEvent.TaskDeferred deferred) {
			this.logger.debug("Task {} [{}] deferred until {}: {}", deferred.taskName(), deferred.taskId(),
					deferred.until(), deferred.reason());
		}
	}

	private void succeeded(TaskEvent.TaskSucceeded succeeded) {
		this.logger.debug("Task {} [{}] succeeded in {} ms", succeeded.taskName(), succeeded.taskId(),
				millis(succeeded));
	}

	private void retried(TaskEvent.TaskRetried retried) {
		// retries counts this retry, so it is also the number of the attempt that just failed
		this.logger.info("Task {} [{}] failed on attempt {} and is retried at {}: {}", retried.taskName(),
				retried.taskId(), retried.retries(), retried.eta(), retried.error());
	}

	private void failed(TaskEvent.TaskFailed failed) {
		RemoteError error = failed.error();
		this.logger.warn("Task {} [{}] failed on attempt {} (queue '{}'): {}", failed.taskName(), failed.taskId(),
				failed.retries() + 1, failed.queue(), error);
		if (error != null && !error.stackTrace().isEmpty() && this.logger.isDebugEnabled()) {
			// the exception was raised (and printed) on this worker's thread; its frames help only when asked for
			this.logger.debug("Task {} [{}] failure stack trace:{}{}", failed.taskName(), failed.taskId(),
					System.lineSeparator(), String.join(System.lineSeparator(), error.stackTrace()));
		}
	}

	private static String name(TaskEvent.TaskRejected rejected) {
		return (rejected.taskName() != null) ? rejected.taskName() : "(unreadable)";
	}

	private static long millis(TaskEvent.TaskSucceeded succeeded) {
		return (succeeded.runtime() != null) ? succeeded.runtime().toMillis() : -1;
	}

}
