package dev.celerity.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.celerity.observability.TaskObservations;

/**
 * Auto-configuration of Micrometer Observations around publishing and executing tasks; with Micrometer Tracing the
 * trace context travels in the message headers, so a task's span is a child of its caller's.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, TaskObservations.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "celerity.observations.enabled", matchIfMissing = true)
public final class CelerityObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TaskObservations celerityTaskObservations(ObservationRegistry registry) {
		return new TaskObservations(registry);
	}

}
