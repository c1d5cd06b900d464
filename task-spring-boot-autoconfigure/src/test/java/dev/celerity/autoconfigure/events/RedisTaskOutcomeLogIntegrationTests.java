package dev.celerity.autoconfigure.events;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.autoconfigure.redis.RedisTestApplications;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * The outcome log on the Redis broker; every application gets a key prefix of its own.
 */
@RequiresRedis
class RedisTaskOutcomeLogIntegrationTests extends AbstractTaskOutcomeLogIntegrationTests {

	private final RedisTestContext redis;

	RedisTaskOutcomeLogIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@Override
	protected ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class))
			.withBean(OutcomeLogTestTasks.class)
			.withPropertyValues(RedisTestApplications.properties(this.redis));
	}

}
