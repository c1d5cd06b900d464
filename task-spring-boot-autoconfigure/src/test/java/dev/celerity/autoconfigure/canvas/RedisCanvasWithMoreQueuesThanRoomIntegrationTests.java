package dev.celerity.autoconfigure.canvas;

import java.util.UUID;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.broker.Broker;
import dev.celerity.broker.redis.RedisBroker;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow contract on Redis with one worker instance whose pool consumes more queues than it has room for (see
 * {@link MoreQueuesThanRoom}), on the default fetch wait and idle recheck. Every test has a key prefix of its own.
 */
@RequiresRedis
class RedisCanvasWithMoreQueuesThanRoomIntegrationTests extends AbstractCanvasIntegrationTests implements CanvasManualQueueContract {

	private final String keyPrefix;

	RedisCanvasWithMoreQueuesThanRoomIntegrationTests(RedisTestContext redis) {
		this.keyPrefix = redis.keyPrefix();
	}

	@Override
	public void run(CanvasTest test) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class,
					CanvasAutoConfiguration.class))
			.withUserConfiguration(InMemoryCanvasIntegrationTests.CanvasTasksConfiguration.class)
			.withPropertyValues("spring.data.redis.url=" + RedisTestServer.url(), "celerity.broker.type=redis",
					"celerity.redis.key-prefix=" + this.keyPrefix + ":" + UUID.randomUUID())
			.withPropertyValues(MoreQueuesThanRoom.properties())
			.run((context) -> {
				MoreQueuesThanRoom.assertStarted(context);
				assertThat(context.getBean(Broker.class)).isInstanceOf(RedisBroker.class);
				test.run(context, context.getBean(TaskTemplate.class), context.getBean(WorkflowTemplate.class));
			});
	}

}
