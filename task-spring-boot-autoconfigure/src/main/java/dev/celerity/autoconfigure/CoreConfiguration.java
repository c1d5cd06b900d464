package dev.celerity.autoconfigure;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;

/**
 * The shared model: codec, registry, clock and the bridge from task events to application events.
 */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MessageCodec celerityMessageCodec() {
		return new MessageCodec();
	}

	@Bean
	@ConditionalOnMissingBean
	TaskRegistry celerityTaskRegistry() {
		return new TaskRegistry();
	}

	@Bean
	@ConditionalOnMissingBean(name = "celerityClock")
	Clock celerityClock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	TaskEventListener celerityTaskEventListener(ApplicationEventPublisher publisher) {
		return publisher::publishEvent;
	}

}
