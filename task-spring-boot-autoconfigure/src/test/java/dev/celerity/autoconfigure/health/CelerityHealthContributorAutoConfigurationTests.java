package dev.celerity.autoconfigure.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.actuate.health.CelerityHealthIndicator;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.control.MonitoredTasks;
import dev.celerity.control.WorkerRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code celerity} health contributor: broker, live workers per queue, backlog thresholds.
 */
class CelerityHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class,
				CelerityControlAutoConfiguration.class, CelerityHealthContributorAutoConfiguration.class))
		.withUserConfiguration(TasksConfiguration.class)
		.withPropertyValues("celerity.worker.concurrency=1", "celerity.worker.fetch-wait=100ms",
				"celerity.worker.pools.reports.queues=reports");

	@Test
	@SuppressWarnings("unchecked")
	void healthIsUpWhenEveryQueueHasALiveWorker() {
		this.contextRunner.run((context) -> {
			CelerityHealthIndicator indicator = context.getBean(CelerityHealthIndicator.class);
			await().until(() -> !context.getBean(WorkerRegistry.class).live().isEmpty());
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKeys("broker", "workers", "queues");
			assertThat((Map<Object, Object>) health.getDetails().get("queues")).containsOnlyKeys("default", "reports");
		});
	}

	@Test
	void aQueueWithoutWorkerIsListedButUpUntilAMessageIsReadyInIt() {
		this.contextRunner.withPropertyValues("celerity.worker.pools.reports.queues=other").run((context) -> {
			await().until(() -> !context.getBean(WorkerRegistry.class).live().isEmpty());
			CelerityHealthIndicator indicator = context.getBean(CelerityHealthIndicator.class);
			Health idle = indicator.health(true);
			assertThat(idle.getStatus()).isEqualTo(Status.UP);
			assertThat(idle.getDetails()).containsEntry("queuesWithoutWorkers", List.of("reports"))
				.doesNotContainKey("stalledQueues");
			context.getBean(TaskTemplate.class).send("monitored.report");
			Health stalled = indicator.health(true);
			assertThat(stalled.getStatus()).isEqualTo(Status.DOWN);
			assertThat(stalled.getDetails()).containsEntry("stalledQueues", List.of("reports"));
		});
	}

	@Test
	void anInstanceConsumingOnlyAQueueNobodyPublishesToIsUp() {
		this.contextRunner.withPropertyValues("celerity.worker.queues=reports").run((context) -> {
			await().until(() -> !context.getBean(WorkerRegistry.class).live().isEmpty());
			Health health = context.getBean(CelerityHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("queuesWithoutWorkers", List.of("default"));
		});
	}

	@Test
	void aPublishOnlyInstanceIsUpWithReadyMessagesAndNoWorkerAnywhere() {
		this.contextRunner.withPropertyValues("celerity.worker.enabled=false").run((context) -> {
			context.getBean(TaskTemplate.class).send("monitored.add", 1, 2);
			Health health = context.getBean(CelerityHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("stalledQueues", List.of("default"))
				.containsKey("broker");
		});
	}

	@Test
	void requireWorkersFalseKeepsAStalledQueueUp() {
		this.contextRunner
			.withPropertyValues("celerity.worker.pools.reports.queues=other", "celerity.health.require-workers=false")
			.run((context) -> {
				context.getBean(TaskTemplate.class).send("monitored.report");
				Health health = context.getBean(CelerityHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("stalledQueues", List.of("reports"));
			});
	}

	@Test
	void theReadinessGroupOfAPublishOnlyInstanceStaysUpWhileNoWorkerRuns() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
			.withPropertyValues("celerity.worker.enabled=false",
					"management.endpoint.health.group.readiness.include=celerity")
			.run((context) -> {
				context.getBean(TaskTemplate.class).send("monitored.add", 1, 2);
				HealthDescriptor readiness = context.getBean(HealthEndpoint.class).healthForPath("readiness");
				assertThat(readiness.getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void backlogOverItsThresholdTurnsTheStatusToTheBacklogStatus() {
		this.contextRunner.withPropertyValues("celerity.health.backlog.waiting=1", "celerity.health.queues=waiting",
				"celerity.worker.pools.reports.queues=reports,waiting")
			.run((context) -> {
				await().until(() -> !context.getBean(WorkerRegistry.class).live().isEmpty());
				TaskTemplate tasks = context.getBean(TaskTemplate.class);
				// delayed messages count as waiting and stay put while the worker runs
				Signature<Object> later = Signature.of("monitored.add", 1, 1).queue("waiting")
					.countdown(Duration.ofHours(1));
				tasks.send(later);
				assertThat(context.getBean(CelerityHealthIndicator.class).health(false).getStatus())
					.isEqualTo(Status.UP);
				tasks.send(later);
				Health health = context.getBean(CelerityHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(health.getDetails()).containsEntry("backloggedQueues", List.of("waiting"));
			});
	}

	@Test
	void healthIndicatorCanBeDisabled() {
		this.contextRunner.withPropertyValues("management.health.celerity.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CelerityHealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWithoutTheHealthModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).doesNotHaveBean(CelerityHealthIndicator.class));
	}

	@Test
	void healthGoesDownWhenRedisStops() throws Exception {
		int port = freePort();
		Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--save", "",
				"--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		try {
			this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
				.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port, "spring.data.redis.timeout=500ms",
						"celerity.redis.key-prefix=celerity-test-" + UUID.randomUUID(),
						"celerity.control.heartbeat.interval=200ms")
				.run((context) -> {
					CelerityHealthIndicator indicator = context.getBean(CelerityHealthIndicator.class);
					await().until(() -> indicator.health(false).getStatus().equals(Status.UP));
					redis.destroy();
					redis.waitFor();
					await().until(() -> indicator.health(false).getStatus().equals(Status.DOWN));
				});
		}
		finally {
			redis.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class TasksConfiguration {

		@Bean
		MonitoredTasks monitoredTasks() {
			return new MonitoredTasks();
		}

	}

}
