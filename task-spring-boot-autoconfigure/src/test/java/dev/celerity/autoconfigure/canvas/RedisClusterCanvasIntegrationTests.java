package dev.celerity.autoconfigure.canvas;

import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * The workflow contract with two worker instances on a real three-master Redis Cluster: the steps of one workflow,
 * their results and chord counters live in different hash slots, on different nodes.
 */
@RequiresRedis(cluster = true)
class RedisClusterCanvasIntegrationTests extends RedisCanvasIntegrationTests {

	RedisClusterCanvasIntegrationTests(RedisTestContext redis) {
		super(redis);
	}

}
