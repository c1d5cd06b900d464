package dev.celerity.api;

import java.util.Set;

import org.springframework.util.Assert;

/**
 * The state of a task: one of the built-in states or a custom state set by the task itself.
 *
 * @param name the state's name, for example {@code SUCCESS} or a custom {@code PROCESSING}
 */
public record TaskState(String name) {

	/** Unknown to the backend: not yet received, or expired, or never sent. */
	public static final TaskState PENDING = new TaskState("PENDING");

	/** Received by a worker. */
	public static final TaskState RECEIVED = new TaskState("RECEIVED");

	/** Started by a worker. */
	public static final TaskState STARTED = new TaskState("STARTED");

	/** Waiting to be retried. */
	public static final TaskState RETRY = new TaskState("RETRY");

	/** Finished with a result. */
	public static final TaskState SUCCESS = new TaskState("SUCCESS");

	/** Finished with an exception, after its retries. */
	public static final TaskState FAILURE = new TaskState("FAILURE");

	/** Revoked or expired: it will not run. */
	public static final TaskState REVOKED = new TaskState("REVOKED");

	private static final Set<String> READY = Set.of("SUCCESS", "FAILURE", "REVOKED");

	public TaskState {
		Assert.hasText(name, "State name must not be empty");
	}

	/**
	 * Returns the state with the given name.
	 * @param name a built-in or custom state name
	 * @return the state
	 */
	public static TaskState of(String name) {
		return new TaskState(name);
	}

	/**
	 * Tells whether this state is final, so that the task will not change state again.
	 * @return {@code true} for {@code SUCCESS}, {@code FAILURE} and {@code REVOKED}
	 */
	public boolean isReady() {
		return READY.contains(this.name);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
