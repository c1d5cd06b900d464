package dev.celerity.worker;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.Broker;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.TaskMessage;
import dev.celerity.registry.RetryPolicy;
import dev.celerity.registry.TaskDefinition;

/**
 * Invokes one attempt of a task between its interceptors and records how it ended: a stored result, a retry
 * requeued with its backoff, or a stored failure.
 */
final class AttemptOutcomes {

	private static final Logger logger = LoggerFactory.getLogger(AttemptOutcomes.class);

	private final MessageCodec codec;

	private final Broker broker;

	private final ResultBackend backend;

	private final TaskEventListener events;

	private final TaskOutcomeHandler outcomeHandler;

	private final RunnerSettings settings;

	private final Clock clock;

	AttemptOutcomes(MessageCodec codec, Broker broker, ResultBackend backend, TaskEventListener events,
			TaskOutcomeHandler outcomeHandler, RunnerSettings settings, Clock clock) {
		this.codec = codec;
		this.broker = broker;
		this.backend = backend;
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
			store(message, TaskState.STARTED.name(), null, Map.of(), null);
		}
		this.events.onEvent(new TaskEvent.TaskStarted(message.id(), definition.name(), delivery.queue(),
				message.headers().retries()));
		long start = System.nanoTime();
		List<TaskInterceptor> interceptors = definition.interceptors();
		TaskContextHolder.set(context);
		try {
			interceptors.forEach((interceptor) -> interceptor.beforeRun(invocation));
			Object result = definition.method().invoke(definition.bean(), arguments);
			for (int i = interceptors.size() - 1; i >= 0; i--) {
				interceptors.get(i).afterReturn(invocation, result);
			}
			succeeded(delivery, definition, message, result, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (InvocationTargetException ex) {
			failed(delivery, definition, invocation, message, ex.getCause(), start);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			failed(delivery, definition, invocation, message, ex, start);
		}
		finally {
			TaskContextHolder.set(null);
		}
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
		if (!definition.ignoreResult()) {
			store(message, TaskState.SUCCESS.name(), json, Map.of(), null);
		}
		this.outcomeHandler.onSuccess(message, json);
		this.events.onEvent(new TaskEvent.TaskSucceeded(message.id(), definition.name(), delivery.queue(), runtime));
		this.broker.ack(delivery);
	}

	private void failed(Delivery delivery, TaskDefinition definition, TaskInvocation invocation, TaskMessage message,
			Throwable failure, long start) {
		if (failure instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
			// the worker is stopping and took the message back: the task runs again elsewhere, record nothing
			logger.info("Task {} [{}] interrupted; its message goes back to the queue", definition.name(),
					message.id());
			this.broker.release(delivery);
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
			reason = new MaxRetriesExceededException(definition.name(), policy.maxRetries(), reason);
		}
		settleFailure(delivery, definition, message, reason, Duration.ofNanos(System.nanoTime() - start));
	}

	private void retry(Delivery delivery, TaskDefinition definition, TaskMessage message, Throwable reason,
			Duration delay) {
		Instant eta = this.clock.instant().plus(delay);
		TaskMessage next = message.withHeaders(message.headers().nextRetry(eta));
		RemoteError error = RemoteError.of(reason);
		store(message, TaskState.RETRY.name(), null, Map.of("retries", next.headers().retries(), "eta", eta.toString()),
				error);
		this.broker.requeue(delivery,
				new OutboundMessage(message.id(), delivery.queue(), delivery.priority(), eta, this.codec.encode(next)));
		this.events.onEvent(new TaskEvent.TaskRetried(message.id(), definition.name(), delivery.queue(),
				next.headers().retries(), eta, error));
	}

	private void settleFailure(Delivery delivery, TaskDefinition definition, TaskMessage message, Throwable reason,
			Duration runtime) {
		RemoteError error = RemoteError.of(reason);
		logger.debug("Task {} [{}] failed: {}", definition.name(), message.id(), error);
		store(message, TaskState.FAILURE.name(), null, Map.of(), error);
		this.outcomeHandler.onFailure(message, error);
		this.events.onEvent(new TaskEvent.TaskFailed(message.id(), definition.name(), delivery.queue(), error, runtime));
		this.broker.ack(delivery);
	}

	private void store(TaskMessage message, String state, Object result, Map<String, Object> meta, RemoteError error) {
		this.backend.store(new TaskResult(message.id(), message.task(), state, result, meta, error,
				this.clock.instant()), this.settings.resultTimeToLive());
	}

	private static List<Object> visibleArguments(Object[] arguments) {
		return Arrays.stream(arguments).filter((argument) -> !(argument instanceof TaskContext)).toList();
	}

}
