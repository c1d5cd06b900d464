package dev.celerity.control;

/**
 * Remembers revoked task ids for a while, so that a revoked task that is still pending or delayed never runs, on
 * whichever instance picks it up.
 */
public interface RevocationStore {

	/** A store that remembers nothing, for applications without revocation. */
	RevocationStore NONE = new RevocationStore() {

		@Override
		public void revoke(String taskId) {
			throw new UnsupportedOperationException("Revocation is not configured");
		}

		@Override
		public boolean isRevoked(String taskId) {
			return false;
		}

	};

	/**
	 * Marks a task revoked.
	 * @param taskId the task id
	 */
	void revoke(String taskId);

	/**
	 * Tells whether a task was revoked; the worker asks before it starts each task.
	 * @param taskId the task id
	 * @return {@code true} if the task must not run
	 */
	boolean isRevoked(String taskId);

}
