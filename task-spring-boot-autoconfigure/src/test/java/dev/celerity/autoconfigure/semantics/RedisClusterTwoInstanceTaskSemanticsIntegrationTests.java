package dev.celerity.autoconfigure.semantics;

import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * The call semantics on two worker instances sharing a real three-master Redis Cluster.
 */
@RequiresRedis(cluster = true)
class RedisClusterTwoInstanceTaskSemanticsIntegrationTests extends RedisTwoInstanceTaskSemanticsIntegrationTests {

	RedisClusterTwoInstanceTaskSemanticsIntegrationTests(RedisTestContext redis) {
		super(redis);
	}

}
