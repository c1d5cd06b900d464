package dev.celerity.broker.redis;

import org.springframework.util.Assert;

/**
 * Builds the Redis keys of the broker; every caller (scripts, tests, operators' tools) takes its keys from here.
 *
 * <p>All keys of one queue share the hash tag {@code {queue}}, so that a script touching several of them works on
 * Redis Cluster: {@code <prefix>:{<queue>}:<part>}.
 */
public final class RedisBrokerKeys {

	/** The default key prefix. */
	public static final String DEFAULT_PREFIX = "celerity";

	private final String prefix;

	/**
	 * Creates a key builder.
	 * @param prefix the prefix of every key, without braces
	 */
	public RedisBrokerKeys(String prefix) {
		Assert.hasText(prefix, "Key prefix must not be empty");
		Assert.isTrue(prefix.indexOf('{') < 0 && prefix.indexOf('}') < 0,
				() -> "Key prefix must not contain braces, but was '" + prefix + "'");
		this.prefix = prefix;
	}

	/**
	 * Returns the prefix of every key.
	 * @return the prefix
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * Returns the keys of one queue.
	 * @param queue the queue name
	 * @return its keys
	 */
	public QueueKeys queue(String queue) {
		Assert.hasText(queue, "Queue must not be empty");
		String base = this.prefix + ":{" + queue + "}:";
		return new QueueKeys(queue, base + "ready", base + "delayed", base + "leases", base + "messages",
				base + "redelivered", base + "sequence", base + "wake", base + "dead");
	}

	/**
	 * The keys of one queue, all in the same hash slot.
	 *
	 * @param queue the queue name
	 * @param ready sorted set of ready message ids, ordered by priority then publication
	 * @param delayed sorted set of delayed message ids by due time
	 * @param leases sorted set of lease tokens by deadline
	 * @param messages hash of message bodies by id, for every pending or running message (the idempotency record)
	 * @param redelivered set of ids whose last lease expired
	 * @param sequence counter that orders messages within a priority level
	 * @param wake sorted set holding at most one member, the signal that wakes a blocked consumer
	 * @param deadLetters list of dead-letter entries, oldest first
	 */
	public record QueueKeys(String queue, String ready, String delayed, String leases, String messages,
			String redelivered, String sequence, String wake, String deadLetters) {

	}

}
