package dev.celerity.broker.redis;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Settings of a {@link RedisBroker}.
 *
 * @param keyPrefix the prefix of every key
 * @param maxBlock the longest single blocking read; keep it below the Redis client's command timeout
 * @param idleRecheck how often an idle consumer runs the fetch script even without a wake-up signal, which bounds
 * how late it notices a lease that expired in another instance
 */
public record RedisBrokerOptions(String keyPrefix, Duration maxBlock, Duration idleRecheck) {

	public RedisBrokerOptions {
		Assert.hasText(keyPrefix, "Key prefix must not be empty");
		Assert.isTrue(maxBlock != null && !maxBlock.isNegative() && !maxBlock.isZero(),
				"Max block must be positive");
		Assert.isTrue(idleRecheck != null && !idleRecheck.isNegative() && !idleRecheck.isZero(),
				"Idle recheck must be positive");
	}

	/**
	 * Returns the defaults: prefix {@code celerity}, blocking reads of at most 10 seconds, idle recheck every 5
	 * seconds.
	 * @return the default options
	 */
	public static RedisBrokerOptions defaults() {
		return new RedisBrokerOptions(RedisBrokerKeys.DEFAULT_PREFIX, Duration.ofSeconds(10), Duration.ofSeconds(5));
	}

	/**
	 * Returns these options with another key prefix.
	 * @param keyPrefix the prefix
	 * @return new options
	 */
	public RedisBrokerOptions withKeyPrefix(String keyPrefix) {
		return new RedisBrokerOptions(keyPrefix, this.maxBlock, this.idleRecheck);
	}

	/**
	 * Returns these options with another longest blocking read.
	 * @param maxBlock the duration
	 * @return new options
	 */
	public RedisBrokerOptions withMaxBlock(Duration maxBlock) {
		return new RedisBrokerOptions(this.keyPrefix, maxBlock, this.idleRecheck);
	}

	/**
	 * Returns these options with another idle recheck interval.
	 * @param idleRecheck the interval
	 * @return new options
	 */
	public RedisBrokerOptions withIdleRecheck(Duration idleRecheck) {
		return new RedisBrokerOptions(this.keyPrefix, this.maxBlock, idleRecheck);
	}

}
