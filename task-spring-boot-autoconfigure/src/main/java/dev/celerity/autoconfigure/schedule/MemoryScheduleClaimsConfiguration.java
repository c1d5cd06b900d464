package dev.celerity.autoconfigure.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.schedule.ScheduleClaims;
import dev.celerity.schedule.SchedulePauses;
import dev.celerity.schedule.memory.InMemoryScheduleClaims;
import dev.celerity.schedule.memory.InMemorySchedulePauses;

/**
 * Tick claims and paused schedules held in this JVM, when nothing (Redis, the application) supplies others: each tick once per JVM.
 */
@Configuration(proxyBeanMethods = false)
class MemoryScheduleClaimsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ScheduleClaims celerityScheduleClaims() {
		return new InMemoryScheduleClaims();
	}

	@Bean
	@ConditionalOnMissingBean
	SchedulePauses celerySchedulePauses() {
		return new InMemorySchedulePauses();
	}

}
