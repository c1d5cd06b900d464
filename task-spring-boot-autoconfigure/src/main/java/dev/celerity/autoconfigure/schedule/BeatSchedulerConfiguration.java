package dev.celerity.autoconfigure.schedule;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.TaskTemplate;
import dev.celerity.schedule.PeriodicScheduler;
import dev.celerity.schedule.ScheduleClaims;
import dev.celerity.schedule.SchedulePauses;
import dev.celerity.schedule.ScheduleRegistry;

/**
 * The scheduler of this instance, unless {@code celerity.beat.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "celerity.beat.enabled", matchIfMissing = true)
class BeatSchedulerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BeatThreads celerityBeatThreads(@Qualifier("celerityClock") Clock clock) {
		return new BeatThreads(clock);
	}

	@Bean
	@ConditionalOnMissingBean
	PeriodicScheduler celerityPeriodicScheduler(ScheduleRegistry registry, ScheduleClaims claims,
			TaskTemplate template, BeatThreads threads, BeatProperties properties, SchedulePauses pauses) {
		return new PeriodicScheduler(registry, claims, template, threads.taskScheduler(),
				properties.getMissedTickThreshold(), pauses);
	}

}
