package dev.celerity.worker;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.api.MaxRetriesExceededException;
import dev.celerity.api.RemoteError;
import dev.celerity.api.RetryRequest;
import dev.celerity.api.TaskContext;
import dev.celerity.api.TaskContextHolder;
import dev.celerity.api.TaskInterceptor;
import dev.celerity.api.TaskInvocation;
import dev.celerity.api.TaskState;
import dev.celerity.api.TimeLimitExceededException;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.Delivery;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageHeaders;
import dev.celerity.message.SentAt;
import dev.celerity.message.TaskMessage;
import dev.celerity.publish.NextAttempts;
import dev.celerity.registry.RetryPolicy;
import dev.celerity.registry.TaskDefinition;

/**
 * Invokes one attempt of a task between its interceptors and records how it ended: a stored result, a retry
 * requeued with its backoff, or a stored failure.
 */
final class AttemptOutcomes {

	private static final Logger logger = LoggerFactory.getLogger(AttemptOutcomes.class);

	private static final int ARGS_SUMMARY_LENGTH = 200;

	/** Meta key of a failure whose retries ran out, holding the task's maximum. */
	static final String MAX_RETRIES_EXCEEDED = "max_retries_exceeded";

	private final MessageCodec codec;

	private final NextAttempts nextAttempts;

	private final TaskEventListener events;

	private final TaskOutcomeHandler outcomeHandler;

	private final RunnerSettings settings;

	private final Clock clock;

	private final AttemptSupervisor supervisor;

	private final DeliverySettler settler;

	AttemptOutcomes(MessageCodec codec, TaskEventListener events, TaskOutcomeHandler outcomeHandler,
			RunnerSettings settings, Clock clock, AttemptSupervisor supervisor, DeliverySettler settler) {
		this.supervisor = supervisor;
		this.settler = settler;
		this.codec = codec;
		this.nextAttempts = new NextAttempts(codec);
		this.events = events;
		this.outcomeHandler = outcomeHandler;
		this.settings = settings;
		this.clock = clock;
	}

	void attempt(Delivery delivery, TaskDefinition definition, RunningTaskContext context, Object[] arguments) {
		TaskMessage message = context.message();
		TaskInvocation invocation = new TaskInvocation(message.id(), definition.name(), definition.method(),
				visibleArguments(arguments), message.headers().retries());
		if (this.settings.trackStarted()) {
			this.settler.store(result(message, TaskState.STARTED.name(), null, Map.of(), null));
		}
		this.events.onEvent(new TaskEvent.TaskStarted(message.id(), definition.name(), delivery.queue(),
				message.headers().retries(), waited(message), argsSummary(message)));
		long start = System.nanoTime();
		List<TaskInterceptor> interceptors = definition.interceptors();
		SupervisedAttempt supervised = this.supervisor.begin(message, definition,
				(attempt) -> hardLimitReached(delivery, definition, message, attempt),
				(attempt) -> revoke(delivery, message, "terminated"));
		TaskContextHolder.set(context);
		try {
			interceptors.forEach((interceptor) -> interceptor.beforeRun(invocation));
			Object result = definition.method().invoke(definition.bean(), arguments);
			for (int i = interceptors.size() - 1; i >= 0; i--) {
				interceptors.get(i).afterReturn(invocation, result);
			}
			supervised.finish();
			if (settles(supervised)) {
				succeeded(delivery, definition, message, result, Duration.ofNanos(System.nanoTime() - start));
			}
		}
		catch (InvocationTargetException ex) {
			supervised.finish();
			if (settles(supervised)) {
				failed(delivery, definition, invocation, message, overLimit(supervised, ex.getCause()), start);
			}
		}
		catch (IllegalAccessException | RuntimeException ex) {
			supervised.finish();
			if (settles(supervised)) {
				failed(delivery, definition, invocation, message, overLimit(supervised, ex), start);
			}
		}
		finally {
			this.supervisor.end(supervised);
			TaskContextHolder.set(null);
		}
	}

	/**
	 * Records a task revoked before or while it ran, and acknowledges its message.
	 */
	void revoke(Delivery delivery, TaskMessage message, String reason) {
		TaskResult revoked = result(message, TaskState.REVOKED.name(), null, Map.of("reason", reason), null);
		this.settler.complete(delivery, revoked, () -> {
			this.outcomeHandler.onRevoked(message, reason);
			this.events.onEvent(new TaskEvent.TaskRevoked(message.id(), message.task(), delivery.queue(), reason));
		}, false);
	}

	private void hardLimitReached(Delivery delivery, TaskDefinition definition, TaskMessage message,
			SupervisedAttempt attempt) {
		Duration limit = this.supervisor.limits(definition, message).hard();
		settleFailure(delivery, definition, message,
				new TimeLimitExceededException(definition.name(), true, limit, null), attempt.elapsed());
	}

	private static boolean settles(SupervisedAttempt supervised) {
		if (supervised.claim()) {
			return true;
		}
		logger.debug("Task {} [{}] returned after it was settled (hard time limit or terminate); outcome discarded",
				supervised.taskName(), supervised.taskId());
		return false;
	}

	private static Throwable overLimit(SupervisedAttempt supervised, Throwable failure) {
		Duration soft = supervised.softLimitExceeded();
		return (soft != null) ? new TimeLimitExceededException(supervised.taskName(), false, soft, failure) : failure;
	}

	private static String argsSummary(TaskMessage message) {
		String summary = message.kwargs().isEmpty() ? String.valueOf(message.args())
				: message.args() + " " + message.kwargs();
		return (summary.length() <= ARGS_SUMMARY_LENGTH) ? summary
				: summary.substring(0, ARGS_SUMMARY_LENGTH - 3) + "...";
	}

	private Duration waited(TaskMessage message) {
		String sentAt = message.headers().extra().get(MessageHeaders.SENT_AT);
		Instant readyAt = (sentAt != null) ? SentAt.parse(sentAt) : null;
		Instant eta = message.headers().eta();
		if (eta != null && (readyAt == null || eta.isAfter(readyAt))) {
			readyAt = eta;
		}
		return (readyAt != null) ? Duration.between(readyAt, this.clock.instant()) : null;
	}

	private void succeeded(Delivery delivery, TaskDefinition definition, TaskMessage message, Object result,
			Duration runtime) {
		Object json;
		try {
			json = this.codec.toJsonValue(result);
		}
		catch (RuntimeException ex) {
			settleFailure(delivery, definition, message, new IllegalStateException(
					"Result of task " + definition.name() + " cannot be written as JSON: " + ex.getMessage(), ex),
					runtime);
			return;
		}
		boolean ignore = (message.headers().ignoreResult() != null) ? message.headers().ignoresResult()
				: definition.ignoreResult();
		TaskResult stored = ignore ? null
				: result(message, TaskState.SUCCESS.name(), json, Map.of(), null);
		Runnable followUp = () -> {
			this.outcomeHandler.onSuccess(message, json);
			this.events.onEvent(new TaskEvent.TaskSucceeded(message.id(), definition.name(), delivery.queue(),
					runtime));
		};
		// a workflow's next steps are published after the result is stored and before the ack, and a failure to
		// publish them must leave the message unacknowledged: only a task that nothing continues is batched
		this.settler.complete(delivery, stored, followUp, !this.outcomeHandler.continuesAfter(message));
	}

	private void failed(Delivery delivery, TaskDefinition definition, TaskInvocation invocation, TaskMessage message,
			Throwable failure, long start) {
		if (failure instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
			// the worker is stopping and took the message back: the task runs again elsewhere, record nothing
			logger.info("Task {} [{}] interrupted; its message goes back to the queue", definition.name(),
					message.id());
			this.settler.release(delivery);
			return;
		}
		for (TaskInterceptor interceptor : definition.interceptors()) {
			try {
				interceptor.onFailure(invocation, failure);
			}
			catch (RuntimeException ex) {
				logger.warn("Interceptor {} failed in onFailure of task {}", interceptor, definition.name(), ex);
			}
		}
		RetryPolicy policy = definition.retryPolicy();
		boolean requested = failure instanceof RetryRequest;
		Throwable reason = (requested && failure.getCause() != null) ? failure.getCause() : failure;
		if (requested || policy.retriesOn(failure)) {
			int retries = message.headers().retries();
			if (retries < policy.maxRetries()) {
				Duration countdown = requested ? ((RetryRequest) failure).getCountdown() : null;
				retry(delivery, definition, message, reason,
						(countdown != null) ? countdown : policy.delayBefore(retries, ThreadLocalRandom.current()));
				return;
			}
			exhausted(delivery, definition, message, reason, requested && failure.getCause() == null, start);
			return;
		}
		settleFailure(delivery, definition, message, reason, Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Records a task whose retries ran out. As in Celery, the stored failure is the exception the task raised (or
	 * gave to {@code retry}), so callers see its type; the result's meta says the retries were exhausted. Only a
	 * retry asked for without a cause fails with {@link MaxRetriesExceededException}.
	 */
	private void exhausted(Delivery delivery, TaskDefinition definition, TaskMessage message, Throwable reason,
			boolean withoutCause, long start) {
		int maxRetries = definition.retryPolicy().maxRetries();
		MaxRetriesExceededException exceeded = new MaxRetriesExceededException(definition.name(), maxRetries,
				withoutCause ? null : reason);
		logger.info("{} [{}]", exceeded.getMessage(), message.id());
		settleFailure(delivery, definition, message, withoutCause ? exceeded : reason,
				Map.of(MAX_RETRIES_EXCEEDED, maxRetries, "retries", message.headers().retries()),
				Duration.ofNanos(System.nanoTime() - start));
	}

	private void retry(Delivery delivery, TaskDefinition definition, TaskMessage message, Throwable reason,
			Duration delay) {
		Instant eta = this.clock.instant().plus(delay);
		NextAttempts.Attempt next = this.nextAttempts.retry(message, delivery.queue(), delivery.priority(), eta);
		int retries = next.message().headers().retries();
		RemoteError error = RemoteError.of(reason);
		Map<String, Object> meta = Map.of("retries", retries, "eta", eta.toString());
		// announced before the requeue: once requeued, another thread may receive the next attempt at once
		this.events.onEvent(new TaskEvent.TaskRetried(message.id(), definition.name(), delivery.queue(), retries, eta,
				error));
		this.settler.requeue(delivery, result(message, TaskState.RETRY.name(), null, meta, error), next.outbound());
	}

	private void settleFailure(Delivery delivery, TaskDefinition definition, TaskMessage message, Throwable reason,
			Duration runtime) {
		settleFailure(delivery, definition, message, reason, Map.of(), runtime);
	}

	private void settleFailure(Delivery delivery, TaskDefinition definition, TaskMessage message, Throwable reason,
			Map<String, Object> meta, Duration runtime) {
		RemoteError error = RemoteError.of(reason);
		logger.debug("Task {} [{}] failed: {}", definition.name(), message.id(), error);
		this.settler.complete(delivery, result(message, TaskState.FAILURE.name(), null, meta, error), () -> {
			this.outcomeHandler.onFailure(message, error);
			this.events.onEvent(
					new TaskEvent.TaskFailed(message.id(), definition.name(), delivery.queue(),
							message.headers().retries(), error, runtime));
		}, false);
	}

	private TaskResult result(TaskMessage message, String state, Object result, Map<String, Object> meta,
			RemoteError error) {
		return new TaskResult(message.id(), message.task(), state, result, meta, error, this.clock.instant());
	}

	private static List<Object> visibleArguments(Object[] arguments) {
		List<Object> visible = new ArrayList<>(arguments.length);
		for (Object argument : arguments) {
			if (!(argument instanceof TaskContext)) {
				visible.add(argument);
			}
		}
		return Collections.unmodifiableList(visible);
	}

}
