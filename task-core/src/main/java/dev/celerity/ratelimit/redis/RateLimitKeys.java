package dev.celerity.ratelimit.redis;

import dev.celerity.redis.RedisKeys;

/**
 * Builds the keys and channel of rate limits on Redis: {@code <prefix>:ratelimit:{<bucket>}} is a Bucket4j bucket,
 * {@code <prefix>:{rate-limits}:changes} and {@code :version} record limits changed at run time (one hash tag, so
 * one script updates both), {@code <prefix>:rate-limits:changed} announces them.
 */
final class RateLimitKeys {

	private static final String CHANGES_TAG = RedisKeys.tag("rate-limits");

	private final RedisKeys keys;

	RateLimitKeys(String prefix) {
		this.keys = new RedisKeys(prefix);
	}

	String bucket(String name) {
		return this.keys.key("ratelimit", RedisKeys.tag(name));
	}

	String changes() {
		return this.keys.key(CHANGES_TAG, "changes");
	}

	String version() {
		return this.keys.key(CHANGES_TAG, "version");
	}

	String changedChannel() {
		return this.keys.key("rate-limits", "changed");
	}

}
