package dev.celerity.api;

import java.time.Duration;
import java.util.Map;

/**
 * The running task's view of itself; declare a parameter of this type on a task method to receive it (it is not
 * part of the task's serialized arguments).
 */
public interface TaskContext {

	/**
	 * Returns the context of the task running on this thread, for task methods that do not declare a
	 * {@code TaskContext} parameter (handy with method-reference calls, where every parameter is an argument).
	 * @return the running task's context
	 * @throws IllegalStateException if no task runs on this thread
	 */
	static TaskContext current() {
		return TaskContextHolder.current()
			.orElseThrow(() -> new IllegalStateException("No Celerity task is running on this thread"));
	}

	/** @return the task's id */
	String id();

	/** @return the task's name */
	String taskName();

	/** @return how many times the task has been retried so far */
	int retries();

	/**
	 * Returns the message headers: {@code root_id}, {@code parent_id}, {@code group}, {@code eta}, {@code expires},
	 * {@code retries}, {@code timelimit}, {@code ignore_result} when set, and the extra headers (such as
	 * {@code sent_at}, {@code group_index}, {@code chord_size}, trace context and custom headers).
	 * @return the headers
	 */
	Map<String, Object> headers();

	/** @return the queue this delivery came from */
	String queue();

	/** @return the priority of this delivery, 0-9, higher first */
	int priority();

	/**
	 * Records a custom state with progress meta data, readable by any caller through {@link AsyncResult#state()}
	 * and {@link AsyncResult#info()}.
	 * @param state the state name, for example {@code PROCESSING}
	 * @param meta the progress data, for example {@code {"step": 2, "total": 3}}
	 */
	void updateState(String state, Map<String, ?> meta);

	/**
	 * Returns an exception that, thrown from the task, schedules a retry after {@code countdown}.
	 * Use as {@code throw context.retry(Duration.ofSeconds(5), ex);}.
	 * @param countdown the delay before the retry
	 * @param cause the failure that caused the retry, recorded if the retries run out
	 * @return the exception to throw
	 */
	RetryRequest retry(Duration countdown, Throwable cause);

	/**
	 * Returns an exception that, thrown from the task, schedules a retry after the task's backoff delay.
	 * @param cause the failure that caused the retry, recorded if the retries run out
	 * @return the exception to throw
	 */
	RetryRequest retry(Throwable cause);

}
