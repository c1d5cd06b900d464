package dev.celerity.autoconfigure.semantics;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.autoconfigure.redis.RedisTestApplications;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * The call semantics on two worker instances sharing one Redis: the first sends, either runs; one instance of the
 * test tasks serves both, so that what they record adds up.
 */
@RequiresRedis
class RedisTwoInstanceTaskSemanticsIntegrationTests extends AbstractTaskSemanticsIntegrationTests {

	private final RedisTestContext redis;

	RedisTwoInstanceTaskSemanticsIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@Override
	protected ApplicationContextRunner runner() {
		return instance().withBean(SemanticsTestTasks.class);
	}

	@Override
	protected void run(SemanticsTest test) {
		SemanticsTestTasks shared = new SemanticsTestTasks();
		// one runner for both, so that both instances get the same key prefix
		ApplicationContextRunner runner = instance().withBean(SemanticsTestTasks.class, () -> shared);
		runner.run((first) -> runner.run((second) -> {
			assertStarted(first);
			assertStarted(second);
			test.run(first, first.getBean(TaskTemplate.class), shared);
		}));
	}

	private ApplicationContextRunner instance() {
		return new ApplicationContextRunner()
			.withConfiguration(celerity(DataRedisAutoConfiguration.class, CelerityRedisAutoConfiguration.class))
			.withPropertyValues(RedisTestApplications.properties(this.redis, "celerity.worker.concurrency=2"));
	}

	private static void assertStarted(AssertableApplicationContext context) {
		if (context.getStartupFailure() != null) {
			throw new AssertionError("Application failed to start", context.getStartupFailure());
		}
	}

}
