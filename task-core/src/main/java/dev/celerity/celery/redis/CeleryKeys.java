package dev.celerity.celery.redis;

/**
 * The keys of Celery's Redis result backend, as Celery 5.2 names them (no global key prefix).
 */
public final class CeleryKeys {

	private CeleryKeys() {
	}

	/**
	 * Returns the key (and the channel) of a task's state.
	 * @param taskId the task id
	 * @return {@code celery-task-meta-<id>}
	 */
	public static String taskMeta(String taskId) {
		return "celery-task-meta-" + taskId;
	}

	/**
	 * Returns a key of a chord's header group.
	 * @param groupId the group id
	 * @param suffix {@code .j} (results by header position), {@code .s} (size), {@code .t} (tasks added later)
	 * @return {@code celery-taskset-meta-<group><suffix>}
	 */
	public static String chord(String groupId, String suffix) {
		return "celery-taskset-meta-" + groupId + suffix;
	}

}
