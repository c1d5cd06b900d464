package dev.celerity.autoconfigure;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import dev.celerity.events.CompositeTaskEventListener;
import dev.celerity.events.TaskEventListener;
import dev.celerity.events.TaskOutcomeLog;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;

/**
 * The shared model: codec, registry, clock and the bridge from task events to application events.
 */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MessageCodec celerityMessageCodec(CelerityProperties properties) {
		return new MessageCodec((int) Math.min(Integer.MAX_VALUE, properties.getMessage().getMaxSize().toBytes()));
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

	/**
	 * The listener the worker and the template publish to: application events first, then every other
	 * {@link TaskEventListener} bean (metrics, the Redis event stream, the application's own), added once all
	 * singletons exist.
	 */
	@Bean
	@Primary
	@ConditionalOnMissingBean(name = "celerityTaskEventListener")
	CompositeTaskEventListener celerityTaskEventListener(ApplicationEventPublisher publisher) {
		return new CompositeTaskEventListener(List.of(publisher::publishEvent));
	}

	/**
	 * Logs each task's outcome (final failures and dead letters at WARN, retries at INFO) under
	 * {@value TaskOutcomeLog#LOGGER_NAME}.
	 */
	@Bean
	@ConditionalOnMissingBean
	TaskOutcomeLog celerityTaskOutcomeLog() {
		return new TaskOutcomeLog();
	}

	@Bean
	static SmartInitializingSingleton celerityTaskEventListenerRegistrar(
			ObjectProvider<CompositeTaskEventListener> composite, ObjectProvider<TaskEventListener> listeners) {
		return () -> composite.ifAvailable((events) -> events
			.addAll(listeners.orderedStream().filter((listener) -> listener != events).toList()));
	}

}
