package dev.celerity.canvas;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.TaskState;

/**
 * The result of one step of a chain, which knows the result of the step before it.
 *
 * @param <R> the result type
 */
final class LinkedResult<R> implements AsyncResult<R> {

	private final AsyncResult<R> delegate;

	private final AsyncResult<?> parent;

	LinkedResult(AsyncResult<R> delegate, AsyncResult<?> parent) {
		this.delegate = delegate;
		this.parent = parent;
	}

	@Override
	public String id() {
		return this.delegate.id();
	}

	@Override
	public TaskState state() {
		return this.delegate.state();
	}

	@Override
	public Map<String, Object> info() {
		return this.delegate.info();
	}

	@Override
	public R get() {
		return this.delegate.get();
	}

	@Override
	public R get(Duration timeout) {
		return this.delegate.get(timeout);
	}

	@Override
	public AsyncResult<?> parent() {
		return this.parent;
	}

	/** Forgets this step's result and every earlier step's, as Celery's {@code forget} on a chain does. */
	@Override
	public void forget() {
		this.delegate.forget();
		if (this.parent != null) {
			this.parent.forget();
		}
	}

	@Override
	public void revoke(boolean terminate) {
		this.delegate.revoke(terminate);
	}

	@Override
	public CompletableFuture<R> toCompletableFuture() {
		return this.delegate.toCompletableFuture();
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
