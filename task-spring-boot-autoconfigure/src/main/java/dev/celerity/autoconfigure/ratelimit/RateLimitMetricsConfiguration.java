package dev.celerity.autoconfigure.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import dev.celerity.events.TaskEvent;

/**
 * Counts rate-limit deferrals in Micrometer ({@code celerity.tasks.deferred}, tagged by task and queue) when the
 * application has a meter registry.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class RateLimitMetricsConfiguration {

	@Bean
	DeferralCounter celerityDeferralCounter(ObjectProvider<MeterRegistry> registry) {
		return new DeferralCounter(registry);
	}

	static final class DeferralCounter {

		private final ObjectProvider<MeterRegistry> registry;

		DeferralCounter(ObjectProvider<MeterRegistry> registry) {
			this.registry = registry;
		}

		@EventListener
		void onDeferred(TaskEvent.TaskDeferred event) {
			this.registry.ifAvailable((meters) -> meters
				.counter("celerity.tasks.deferred", "task", event.taskName(), "queue", event.queue())
				.increment());
		}

	}

}
