package dev.celerity.autoconfigure.semantics;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.autoconfigure.redis.RedisTestApplications;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * The call semantics on the Redis broker, result backend and buckets; every application gets a key prefix of its
 * own.
 */
@RequiresRedis
class RedisTaskSemanticsIntegrationTests extends AbstractTaskSemanticsIntegrationTests {

	private final RedisTestContext redis;

	RedisTaskSemanticsIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@Override
	protected ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(celerity(DataRedisAutoConfiguration.class, CelerityRedisAutoConfiguration.class))
			.withBean(SemanticsTestTasks.class)
			.withPropertyValues(RedisTestApplications.properties(this.redis, "celerity.worker.concurrency=4"));
	}

}
