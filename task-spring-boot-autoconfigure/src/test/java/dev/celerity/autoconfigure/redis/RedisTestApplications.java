package dev.celerity.autoconfigure.redis;

import java.util.UUID;

import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;

/**
 * The properties of a test application on the Redis broker: the test Redis, a key prefix of its own per application
 * and quick idle rechecks and fetch waits, so that tests do not wait on idle consumers.
 */
public final class RedisTestApplications {

	private RedisTestApplications() {
	}

	/**
	 * Returns the properties of one test application on Redis.
	 * @param redis the test's Redis context
	 * @param more further properties
	 * @return the properties, as {@code name=value}
	 */
	public static String[] properties(RedisTestContext redis, String... more) {
		String[] base = { "spring.data.redis.url=" + RedisTestServer.url(), "celerity.broker.type=redis",
				"celerity.redis.key-prefix=" + redis.keyPrefix() + ":" + UUID.randomUUID(),
				"celerity.redis.idle-recheck=500ms", "celerity.worker.fetch-wait=200ms" };
		String[] all = new String[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

}
