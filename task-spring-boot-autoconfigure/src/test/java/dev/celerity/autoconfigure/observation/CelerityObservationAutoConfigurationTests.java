package dev.celerity.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.control.MonitoredTasks;
import dev.celerity.observability.TaskObservations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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
	void everyAttemptIsTimedOnceByTheExecuteObservationWithItsOutcomeAndException() {
		this.contextRunner.withUserConfiguration(RegistryConfiguration.class).run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			assertThat(tasks.send("monitored.add", 1, 2).get(Duration.ofSeconds(5))).isEqualTo(3);
			assertThatExceptionOfType(TaskExecutionException.class)
				.isThrownBy(() -> tasks.send("monitored.fail").get(Duration.ofSeconds(5)));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().untilAsserted(() -> assertThat(count(meters, "monitored.fail", "failure")).isEqualTo(1));
			assertThat(count(meters, "monitored.fail", "retry")).isEqualTo(1);
			assertThat(meters.get(TaskObservations.EXECUTE).tags("task", "monitored.fail", "outcome", "failure")
				.timer()
				.getId()
				.getTag("exception")).isEqualTo("IllegalStateException");
			await().untilAsserted(() -> assertThat(count(meters, "monitored.add", "success")).isEqualTo(1));
			assertThat(meters.get(TaskObservations.PUBLISH).tags("task", "monitored.add", "queue", "default")
				.timer()
				.count()).isEqualTo(1);
			assertThat(meters.get(TaskObservations.EXECUTE).timers()).extracting(Timer::count)
				.as("one timing per attempt: one success, one retry, one failure")
				.containsExactlyInAnyOrder(1L, 1L, 1L);
		});
	}

	private static long count(MeterRegistry meters, String task, String outcome) {
		Timer timer = meters.find(TaskObservations.EXECUTE)
			.tags("task", task, "queue", "default", "outcome", outcome)
			.timer();
		return (timer != null) ? timer.count() : 0;
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
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(RecordingHandler handler, MeterRegistry meters) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig()
				.observationHandler(handler)
				.observationHandler(new DefaultMeterObservationHandler(meters));
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
