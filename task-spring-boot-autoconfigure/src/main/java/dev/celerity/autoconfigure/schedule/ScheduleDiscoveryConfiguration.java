package dev.celerity.autoconfigure.schedule;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.schedule.PeriodicScheduler;
import dev.celerity.schedule.PeriodicSchedules;
import dev.celerity.schedule.ScheduleClaims;
import dev.celerity.schedule.ScheduleRegistry;

/**
 * The schedules: discovery of {@code @Periodic}, registration of annotated and configured schedules, and the read
 * API. Present whether or not this instance runs the scheduler.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleDiscoveryConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static PeriodicAnnotationBeanPostProcessor celerityPeriodicAnnotationBeanPostProcessor() {
		return new PeriodicAnnotationBeanPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	ScheduleRegistry celerityScheduleRegistry() {
		return new ScheduleRegistry();
	}

	@Bean
	ScheduleRegistrar celerityScheduleRegistrar(PeriodicAnnotationBeanPostProcessor discovery,
			ScheduleRegistry registry, TaskRegistry tasks, MessageCodec codec, BeatProperties properties,
			ConfigurableBeanFactory beanFactory) {
		return new ScheduleRegistrar(discovery, registry, tasks, codec, properties, beanFactory::resolveEmbeddedValue);
	}

	@Bean
	@ConditionalOnMissingBean
	PeriodicSchedules celerityPeriodicSchedules(ScheduleRegistry registry, ScheduleClaims claims,
			ObjectProvider<PeriodicScheduler> scheduler, @Qualifier("celerityClock") Clock clock) {
		return new PeriodicSchedules(registry, claims, scheduler.getIfAvailable(), clock);
	}

}
