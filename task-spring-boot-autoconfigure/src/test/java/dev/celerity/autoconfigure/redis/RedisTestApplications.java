package dev.celerity.autoconfigure.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.celerity.testing.redis.RedisTestContext;

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
		List<String> all = new ArrayList<>(redis.connectionProperties());
		all.addAll(List.of("celerity.broker.type=redis",
				"celerity.redis.key-prefix=" + redis.keyPrefix() + ":" + UUID.randomUUID(),
				"celerity.redis.idle-recheck=500ms", "celerity.worker.fetch-wait=200ms"));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

}
