package dev.celerity.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import dev.celerity.autoconfigure.annotation.TaskAnnotationConfiguration;

/**
 * Auto-configuration of Celerity: the task registry and {@code @Task} discovery, the broker and result backend
 * (embedded unless another auto-configuration or the application supplies them), the {@code TaskTemplate} and the
 * worker.
 */
@AutoConfiguration
@EnableConfigurationProperties(CelerityProperties.class)
@Import({ CoreConfiguration.class, EmbeddedBrokerConfiguration.class, TaskAnnotationConfiguration.class,
		ClientConfiguration.class, WorkerConfiguration.class, EagerConfiguration.class })
public final class CelerityAutoConfiguration {

}
