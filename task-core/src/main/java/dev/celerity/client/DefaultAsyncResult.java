package dev.celerity.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.BlockingGetInTaskException;
import dev.celerity.api.CelerityException;
import dev.celerity.api.ResultTimeoutException;
import dev.celerity.api.TaskContextHolder;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskRevokedException;
import dev.celerity.api.TaskState;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.message.MessageCodec;

/**
 * The result handle of one task, reading the result backend.
 *
 * @param <R> the result type
 */
final class DefaultAsyncResult<R> implements AsyncResult<R> {

	private final String id;

	private final Type resultType;

	private final ResultBackend backend;

	private final MessageCodec codec;

	private final TaskRevoker revoker;

	private final boolean ignored;

	/**
	 * Creates a handle.
	 * @param ignored {@code true} when the call does not store its result: waiting returns {@code null} at once,
	 * as Celery's {@code AsyncResult.get} does for {@code ignore_result}, instead of waiting for nothing
	 */
	DefaultAsyncResult(String id, Type resultType, ResultBackend backend, MessageCodec codec, TaskRevoker revoker,
			boolean ignored) {
		this.id = id;
		this.resultType = resultType;
		this.backend = backend;
		this.codec = codec;
		this.revoker = revoker;
		this.ignored = ignored;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public TaskState state() {
		return this.backend.find(this.id).map(TaskResult::taskState).orElse(TaskState.PENDING);
	}

	@Override
	public Map<String, Object> info() {
		return this.backend.find(this.id).map(DefaultAsyncResult::infoOf).orElse(Map.of());
	}

	@Override
	public R get() {
		refuseInsideTask();
		if (this.ignored) {
			return null;
		}
		return outcome(this.backend.whenReady(this.id).join());
	}

	@Override
	public R get(Duration timeout) {
		refuseInsideTask();
		if (this.ignored) {
			return null;
		}
		try {
			return outcome(this.backend.whenReady(this.id).get(timeout.toNanos(), TimeUnit.NANOSECONDS));
		}
		catch (TimeoutException ex) {
			throw new ResultTimeoutException(this.id, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CelerityException("Interrupted while waiting for task " + this.id, ex);
		}
		catch (ExecutionException ex) {
			throw new CelerityException("Could not read the result of task " + this.id, ex.getCause());
		}
	}

	@Override
	public void forget() {
		this.backend.forget(this.id);
	}

	@Override
	public void revoke(boolean terminate) {
		this.revoker.revoke(this.id, terminate);
	}

	@Override
	public CompletableFuture<R> toCompletableFuture() {
		if (this.ignored) {
			return CompletableFuture.completedFuture(null);
		}
		return this.backend.whenReady(this.id).thenApply(this::outcome);
	}

	@Override
	public String toString() {
		return "AsyncResult[" + this.id + "]";
	}

	private R outcome(TaskResult result) {
		if (TaskState.FAILURE.name().equals(result.state())) {
			throw new TaskExecutionException(this.id, result.error());
		}
		if (TaskState.REVOKED.name().equals(result.state())) {
			throw new TaskRevokedException(this.id, String.valueOf(result.meta().getOrDefault("reason", "revoked")));
		}
		return this.codec.convert(result.result(), this.resultType);
	}

	private void refuseInsideTask() {
		if (TaskContextHolder.current().isPresent()) {
			throw new BlockingGetInTaskException(this.id);
		}
	}

	private static Map<String, Object> infoOf(TaskResult result) {
		if (result.error() == null) {
			return result.meta();
		}
		Map<String, Object> info = new LinkedHashMap<>(result.meta());
		info.put("exc_type", result.error().type());
		info.put("exc_message", result.error().message());
		return info;
	}

}
