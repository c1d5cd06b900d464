package dev.celerity.canvas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.BlockingGetInTaskException;
import dev.celerity.api.CelerityException;
import dev.celerity.api.ResultTimeoutException;
import dev.celerity.api.TaskContextHolder;
import dev.celerity.api.TaskState;

/**
 * The results of a group's members, in member (header) order, with the group's progress: how many completed,
 * whether all are ready, all succeeded or any failed. {@link #get} joins them all; {@link #asCompleted} hands them
 * out in the order they finish.
 *
 * @param <R> the result type of each member
 */
public final class GroupResult<R> implements AsyncResult<List<R>> {

	private final String id;

	private final List<AsyncResult<R>> results;

	private final AsyncResult<?> parent;

	GroupResult(String id, List<AsyncResult<R>> results, AsyncResult<?> parent) {
		this.id = id;
		this.results = List.copyOf(results);
		this.parent = parent;
	}

	/** @return the group's id */
	@Override
	public String id() {
		return this.id;
	}

	/** @return the members' results, in member order */
	public List<AsyncResult<R>> results() {
		return this.results;
	}

	/** @return the number of members */
	public int size() {
		return this.results.size();
	}

	/** @return how many members have succeeded */
	public int completedCount() {
		return (int) this.results.stream().filter(AsyncResult::successful).count();
	}

	/** @return whether every member has finished */
	@Override
	public boolean ready() {
		return this.results.stream().allMatch(AsyncResult::ready);
	}

	/** @return whether every member has succeeded */
	@Override
	public boolean successful() {
		return this.results.stream().allMatch(AsyncResult::successful);
	}

	/** @return whether any member has failed */
	@Override
	public boolean failed() {
		return this.results.stream().anyMatch(AsyncResult::failed);
	}

	/**
	 * Returns {@code FAILURE} if a member failed, {@code SUCCESS} once all succeeded, {@code REVOKED} if all are done
	 * and one was revoked, {@code PENDING} otherwise.
	 * @return the group's state
	 */
	@Override
	public TaskState state() {
		List<TaskState> states = this.results.stream().map(AsyncResult::state).toList();
		if (states.contains(TaskState.FAILURE)) {
			return TaskState.FAILURE;
		}
		if (states.stream().allMatch(TaskState.SUCCESS::equals)) {
			return TaskState.SUCCESS;
		}
		boolean allReady = states.stream().allMatch(TaskState::isReady);
		return allReady ? TaskState.REVOKED : TaskState.PENDING;
	}

	/** @return the completed and total counts */
	@Override
	public Map<String, Object> info() {
		return Map.of("completed", completedCount(), "total", size());
	}

	/**
	 * Waits for every member and returns their results in member order.
	 * @return the results
	 * @throws dev.celerity.api.TaskExecutionException if a member failed (the first failed one in member order)
	 */
	@Override
	public List<R> get() {
		refuseInsideTask();
		List<R> values = new ArrayList<>(size());
		for (AsyncResult<R> result : this.results) {
			values.add(result.get());
		}
		return values;
	}

	/**
	 * Waits at most {@code timeout} in total for every member and returns their results in member order.
	 * @param timeout the longest wait
	 * @return the results
	 */
	@Override
	public List<R> get(Duration timeout) {
		refuseInsideTask();
		long deadline = System.nanoTime() + timeout.toNanos();
		List<R> values = new ArrayList<>(size());
		for (AsyncResult<R> result : this.results) {
			values.add(result.get(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
		}
		return values;
	}

	/**
	 * Returns the members' results in the order they finish, each handed out as soon as it is ready.
	 * @param timeout the longest wait for the next result
	 * @return the results in completion order
	 */
	public Iterable<AsyncResult<R>> asCompleted(Duration timeout) {
		refuseInsideTask();
		BlockingQueue<AsyncResult<R>> finished = new LinkedBlockingQueue<>();
		for (AsyncResult<R> result : this.results) {
			result.toCompletableFuture().whenComplete((value, error) -> finished.add(result));
		}
		return () -> new CompletionIterator<>(finished, size(), timeout, this.id);
	}

	@Override
	public AsyncResult<?> parent() {
		return this.parent;
	}

	@Override
	public void forget() {
		this.results.forEach(AsyncResult::forget);
		if (this.parent != null) {
			this.parent.forget();
		}
	}

	/**
	 * Revokes every member of the group.
	 * @param terminate whether to interrupt members that run now
	 */
	@Override
	public void revoke(boolean terminate) {
		this.results.forEach((result) -> result.revoke(terminate));
	}

	@Override
	public CompletableFuture<List<R>> toCompletableFuture() {
		List<CompletableFuture<R>> futures = this.results.stream().map(AsyncResult::toCompletableFuture).toList();
		return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
			.thenApply((done) -> futures.stream().map(CompletableFuture::join).toList());
	}

	@Override
	public String toString() {
		return "GroupResult[" + this.id + ", " + size() + " members]";
	}

	private void refuseInsideTask() {
		if (TaskContextHolder.current().isPresent()) {
			throw new BlockingGetInTaskException(this.id);
		}
	}

	private static final class CompletionIterator<R> implements Iterator<AsyncResult<R>> {

		private final BlockingQueue<AsyncResult<R>> finished;

		private final Duration timeout;

		private final String groupId;

		private int remaining;

		CompletionIterator(BlockingQueue<AsyncResult<R>> finished, int size, Duration timeout, String groupId) {
			this.finished = finished;
			this.remaining = size;
			this.timeout = timeout;
			this.groupId = groupId;
		}

		@Override
		public boolean hasNext() {
			return this.remaining > 0;
		}

		@Override
		public AsyncResult<R> next() {
			if (this.remaining == 0) {
				throw new NoSuchElementException();
			}
			try {
				AsyncResult<R> next = this.finished.poll(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
				if (next == null) {
					throw new ResultTimeoutException(this.groupId, this.timeout);
				}
				this.remaining--;
				return next;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CelerityException("Interrupted while waiting for group " + this.groupId, ex);
			}
		}

	}

}
