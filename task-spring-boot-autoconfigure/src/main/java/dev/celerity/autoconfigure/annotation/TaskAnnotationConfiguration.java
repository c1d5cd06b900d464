package dev.celerity.autoconfigure.annotation;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import dev.celerity.autoconfigure.CelerityProperties;
import dev.celerity.registry.TaskDefaults;

/**
 * Discovery of {@code @Task} methods and the defaults their definitions take.
 */
@Configuration(proxyBeanMethods = false)
public class TaskAnnotationConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TaskAnnotationBeanPostProcessor celerityTaskAnnotationBeanPostProcessor() {
		return new TaskAnnotationBeanPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	TaskDefaults celerityTaskDefaults(CelerityProperties properties) {
		CelerityProperties.TaskSettings task = properties.getTask();
		return new TaskDefaults(task.getMaxRetries(), task.getRetryDelay(), task.getRetryBackoffMax());
	}

}
