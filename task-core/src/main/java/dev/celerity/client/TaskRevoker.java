package dev.celerity.client;

/**
 * Revokes tasks for result handles ({@code AsyncResult.revoke}); the application's control plane provides it, so
 * that the handle, an API type, needs nothing of the control package.
 */
@FunctionalInterface
public interface TaskRevoker {

	/** Used when the application has no control plane: revoking fails with a clear error. */
	TaskRevoker UNAVAILABLE = (taskId, terminate) -> {
		throw new IllegalStateException("Cannot revoke task " + taskId
				+ ": this application has no Celerity control plane (ClusterControl bean)");
	};

	/**
	 * Revokes a task on every instance: a pending or delayed task never runs; with {@code terminate} a running
	 * attempt is interrupted.
	 * @param taskId the task's id
	 * @param terminate whether to interrupt the task if it runs now
	 */
	void revoke(String taskId, boolean terminate);

}
