package dev.celerity.autoconfigure.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.control.MonitoredTasks;
import dev.celerity.observability.QueueMetrics;
import dev.celerity.observability.TaskMetrics;
import dev.celerity.observability.WorkerMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Celerity's meters are registered with the application's registry and move as tasks run.
 */
class CelerityMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class,
				CelerityControlAutoConfiguration.class, CelerityMetricsAutoConfiguration.class))
		.withUserConfiguration(TasksConfiguration.class)
		.withPropertyValues("celerity.worker.concurrency=1", "celerity.worker.fetch-wait=100ms",
				"celerity.metrics.queue-sample-interval=100ms");

	@Test
	void metersAreRegisteredAndMoveWhenTasksRun() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(WorkerMetrics.class).bindTo(registry);
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			assertThat(tasks.send("monitored.add", 1, 2).get(Duration.ofSeconds(5))).isEqualTo(3);
			await().untilAsserted(() -> assertThat(registry.get(TaskMetrics.PICKUP).tag("task", "monitored.add")
				.timer()
				.count()).isEqualTo(1));
			await().untilAsserted(() -> assertThat(registry.get(WorkerMetrics.PROCESSED).functionCounter().count())
				.isEqualTo(1));
			await().untilAsserted(() -> assertThat(registry.find(QueueMetrics.DEPTH).tag("queue", "reports").gauge())
				.as("queues named by tasks get gauges").isNotNull());
			assertThat(registry.get(QueueMetrics.DEPTH).tags("queue", "default", "priority", "0").gauge().value())
				.isZero();
		});
	}

	@Test
	void noMetersWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TaskMetrics.class)
			.doesNotHaveBean(QueueMetrics.class));
	}

	@Test
	void noMetersWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TaskMetrics.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
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
