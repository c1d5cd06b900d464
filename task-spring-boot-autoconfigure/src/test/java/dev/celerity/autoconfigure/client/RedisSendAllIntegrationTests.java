package dev.celerity.autoconfigure.client;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.autoconfigure.redis.RedisTestApplications;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * The batch enqueue on the Redis broker; every application gets a key prefix of its own.
 */
@RequiresRedis
class RedisSendAllIntegrationTests extends AbstractSendAllIntegrationTests {

	private final RedisTestContext redis;

	RedisSendAllIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@Override
	protected ApplicationContextRunner brokerRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(celerity(DataRedisAutoConfiguration.class, CelerityRedisAutoConfiguration.class))
			.withPropertyValues(RedisTestApplications.properties(this.redis, "celerity.worker.concurrency=4"));
	}

}
