package dev.celerity.autoconfigure.client;

import java.util.UUID;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;
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
			.withPropertyValues("spring.data.redis.url=" + RedisTestServer.url(), "celerity.broker.type=redis",
					"celerity.redis.key-prefix=" + this.redis.keyPrefix() + ":" + UUID.randomUUID(),
					"celerity.redis.idle-recheck=500ms", "celerity.worker.concurrency=4",
					"celerity.worker.fetch-wait=200ms");
	}

}
