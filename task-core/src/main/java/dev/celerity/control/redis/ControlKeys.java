package dev.celerity.control.redis;

import dev.celerity.redis.RedisKeys;

/**
 * Builds the keys and channel of cluster control on Redis: {@code <prefix>:control} (commands),
 * {@code <prefix>:control:replies:<command id>}, {@code <prefix>:revoked:<task id>}, {@code <prefix>:workers}
 * (heartbeats) and {@code <prefix>:events} (the event stream).
 */
final class ControlKeys {

	private final RedisKeys keys;

	/**
	 * Creates a key builder.
	 * @param prefix the prefix of every key, without braces
	 */
	ControlKeys(String prefix) {
		this.keys = new RedisKeys(prefix);
	}

	/**
	 * Returns the channel control commands are broadcast on.
	 * @return the channel
	 */
	String commandChannel() {
		return this.keys.key("control");
	}

	/**
	 * Returns the list the instances push their replies to one command on.
	 * @param commandId the command's id
	 * @return the key
	 */
	String replies(String commandId) {
		return this.keys.key("control", "replies", commandId);
	}

	/**
	 * Returns the key marking a task as revoked.
	 * @param taskId the task id ({@code *} for a scan pattern)
	 * @return the key
	 */
	String revoked(String taskId) {
		return this.keys.key("revoked", taskId);
	}

	/**
	 * Returns the hash of the live instances' heartbeats.
	 * @return the key
	 */
	String workers() {
		return this.keys.key("workers");
	}

	/**
	 * Returns the stream of the cluster's task events.
	 * @return the key
	 */
	String events() {
		return this.keys.key("events");
	}

}
