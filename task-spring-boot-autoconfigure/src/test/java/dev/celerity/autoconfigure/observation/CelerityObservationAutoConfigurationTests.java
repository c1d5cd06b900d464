package dev.celerity.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.control.MonitoredTasks;
import dev.celerity.observability.TaskObservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publishing and executing tasks are observed with the application's observation registry.
 */
class CelerityObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class,
				CelerityObservationAutoConfiguration.class))
		.withBean(MonitoredTasks.class)
		.withPropertyValues("celerity.worker.concurrency=1", "celerity.worker.fetch-wait=100ms");

	@Test
	void publishAndExecutionAreObserved() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class).run((context) -> {
			assertThat(context.getBean(TaskTemplate.class).send("monitored.add", 1, 2).get(Duration.ofSeconds(5)))
				.isEqualTo(3);
			RecordingHandler handler = context.getBean(RecordingHandler.class);
			await().untilAsserted(() -> assertThat(handler.stopped).contains("publish monitored.add",
					"execute monitored.add"));
		});
	}

	@Test
	void noObservationsWithoutARegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(TaskObservations.class));
	}

	@Test
	void observationsCanBeSwitchedOff() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class)
			.withPropertyValues("celerity.observations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TaskObservations.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		RecordingHandler recordingHandler() {
			return new RecordingHandler();
		}

		@Bean
		ObservationRegistry observationRegistry(RecordingHandler handler) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(handler);
			return registry;
		}

	}

	static class RecordingHandler implements ObservationHandler<Observation.Context> {

		final List<String> stopped = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context.getContextualName());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
