package dev.celerity.broker.redis;

import org.springframework.util.Assert;

import dev.celerity.redis.RedisKeys;

/**
 * Builds the Redis keys of the broker; every caller (scripts, tests, operators' tools) takes its keys from here.
 *
 * <p>All keys of one queue share the hash tag {@code {queue}}, so that a script touching several of them works on
 * Redis Cluster: {@code <prefix>:{<queue>}:<part>}.
 */
public final class RedisBrokerKeys {

	/** The default key prefix. */
	public static final String DEFAULT_PREFIX = RedisKeys.DEFAULT_PREFIX;

	private final RedisKeys keys;

	/**
	 * Creates a key builder.
	 * @param prefix the prefix of every key, without braces
	 */
	public RedisBrokerKeys(String prefix) {
		this.keys = new RedisKeys(prefix);
	}

	/**
	 * Returns the prefix of every key.
	 * @return the prefix
	 */
	public String prefix() {
		return this.keys.prefix();
	}

	/**
	 * Returns the keys of one queue.
	 * @param queue the queue name
	 * @return its keys
	 */
	public QueueKeys queue(String queue) {
		Assert.hasText(queue, "Queue must not be empty");
		String tag = RedisKeys.tag(queue);
		return new QueueKeys(queue, this.keys.key(tag, "ready"), this.keys.key(tag, "delayed"),
				this.keys.key(tag, "leases"), this.keys.key(tag, "messages"), this.keys.key(tag, "redelivered"),
				this.keys.key(tag, "sequence"), this.keys.key(tag, "wake"), this.keys.key(tag, "dead"));
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
