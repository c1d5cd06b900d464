package dev.celerity.autoconfigure.health;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.actuate.health.CelerityHealthIndicator;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.control.MonitoredTasks;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.control.WorkerRegistry;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health rules on Redis, where heartbeats and queues are shared: a web instance does not depend on workers
 * elsewhere, and a worker instance goes down only for work that no live worker in the cluster will take.
 */
@RequiresRedis
class RedisHealthIntegrationTests {

	private final ApplicationContextRunner contextRunner;

	RedisHealthIntegrationTests(RedisTestContext redis) {
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class,
					CelerityControlAutoConfiguration.class, CelerityHealthContributorAutoConfiguration.class))
			.withBean(MonitoredTasks.class)
			.withPropertyValues("spring.data.redis.url=" + RedisTestServer.url(),
					"celerity.redis.key-prefix=" + redis.keyPrefix(), "celerity.worker.concurrency=1",
					"celerity.worker.fetch-wait=100ms", "celerity.control.heartbeat.interval=200ms");
	}

	@Test
	void aPublishOnlyInstanceIsUpWhileItsMessagesWaitForWorkersThatAreDown() {
		this.contextRunner.withPropertyValues("celerity.worker.enabled=false").run((context) -> {
			context.getBean(TaskTemplate.class).send("monitored.report");
			Health health = context.getBean(CelerityHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("stalledQueues", List.of("reports"))
				.containsKey("broker");
		});
	}

	@Test
	void aWorkerConsumingOnlyAQueueNobodyPublishesToIsUpUntilWorkWaitsInAnUnservedQueue() {
		this.contextRunner.withPropertyValues("celerity.worker.queues=audit").run((context) -> {
			await().until(() -> !context.getBean(WorkerRegistry.class).live().isEmpty());
			CelerityHealthIndicator indicator = context.getBean(CelerityHealthIndicator.class);
			assertThat(indicator.health(false).getStatus()).isEqualTo(Status.UP);
			context.getBean(TaskTemplate.class).send("monitored.report");
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("stalledQueues", List.of("reports"));
		});
	}

	@Test
	void aWorkerOfAnotherInstanceServesTheQueue() {
		this.contextRunner.withPropertyValues("celerity.worker.queues=reports").run((worker) -> {
			await().until(() -> !worker.getBean(WorkerRegistry.class).live().isEmpty());
			this.contextRunner.withPropertyValues("celerity.worker.queues=audit").run((other) -> {
				// both instances' heartbeats, the other's own included, are in the shared registry
				await().until(() -> other.getBean(WorkerRegistry.class).live().size() == 2);
				Health health = other.getBean(CelerityHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("queuesWithoutWorkers", List.of("default"));
			});
		});
	}

}
