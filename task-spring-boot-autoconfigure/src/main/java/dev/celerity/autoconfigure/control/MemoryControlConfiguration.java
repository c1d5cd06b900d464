package dev.celerity.autoconfigure.control;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.control.ControlBus;
import dev.celerity.control.ControlDispatcher;
import dev.celerity.control.RevocationStore;
import dev.celerity.control.WorkerRegistry;
import dev.celerity.control.memory.InMemoryRevocationStore;
import dev.celerity.control.memory.InMemoryWorkerRegistry;
import dev.celerity.control.memory.LocalControlBus;

/**
 * Control within one JVM, used when nothing (Redis, the application) supplies a shared implementation.
 */
@Configuration(proxyBeanMethods = false)
class MemoryControlConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RevocationStore celerityRevocationStore(CelerityControlProperties properties) {
		return new InMemoryRevocationStore(properties.getRevocationTimeToLive());
	}

	@Bean
	@ConditionalOnMissingBean
	WorkerRegistry celerityWorkerRegistry(@Qualifier("celerityClock") Clock clock) {
		return new InMemoryWorkerRegistry(clock);
	}

	@Bean
	@ConditionalOnMissingBean
	ControlBus celerityControlBus(ControlDispatcher dispatcher) {
		return new LocalControlBus(dispatcher);
	}

}
