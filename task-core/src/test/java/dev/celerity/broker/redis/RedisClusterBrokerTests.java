package dev.celerity.broker.redis;

import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * Runs the broker contract against the Redis broker on a real three-master Redis Cluster: every key of a queue shares
 * its hash slot, so each script runs on one node.
 */
@RequiresRedis(cluster = true)
class RedisClusterBrokerTests extends RedisBrokerTests {

	RedisClusterBrokerTests(RedisTestContext redis) {
		super(redis);
	}

}
