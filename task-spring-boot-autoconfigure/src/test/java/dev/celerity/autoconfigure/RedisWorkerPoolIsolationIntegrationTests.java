package dev.celerity.autoconfigure;

import java.util.UUID;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.autoconfigure.routing.CelerityRoutingAutoConfiguration;
import dev.celerity.broker.Broker;
import dev.celerity.broker.redis.RedisBroker;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * Pool isolation and disjoint queues on the Redis broker: instances on one Redis and key prefix share the queues.
 */
@RequiresRedis
class RedisWorkerPoolIsolationIntegrationTests extends AbstractWorkerPoolIsolationTests {

	private final RedisTestContext redis;

	RedisWorkerPoolIsolationIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@Override
	protected Class<? extends Broker> brokerType() {
		return RedisBroker.class;
	}

	@Override
	protected ApplicationContextRunner contextRunner() {
		// a prefix per runner inside the class's prefix, so that each test starts from empty queues
		String prefix = this.redis.keyPrefix() + "-" + UUID.randomUUID().toString().substring(0, 8);
		return runner(DataRedisAutoConfiguration.class, CelerityRedisAutoConfiguration.class,
				CelerityAutoConfiguration.class, CelerityRoutingAutoConfiguration.class)
			.withPropertyValues("spring.data.redis.url=" + RedisTestServer.url(), "celerity.redis.key-prefix=" + prefix);
	}

}
