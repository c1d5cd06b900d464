package dev.celerity.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.broker.Broker;
import dev.celerity.broker.eager.EagerBroker;
import dev.celerity.worker.TaskRunner;

/**
 * Eager mode ({@code celerity.eager=true}, for unit tests): the broker runs each message it stores through the task
 * runner on the caller's thread, and no worker pools consume it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("celerity.eager")
class EagerConfiguration {

	/** Decorates the broker; the runner is looked up on first use, as it depends on the broker itself. */
	@Bean
	static BeanPostProcessor celerityEagerBrokerPostProcessor(ObjectProvider<TaskRunner> runner) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof Broker broker && !(bean instanceof EagerBroker)) {
					return new EagerBroker(broker, (delivery) -> runner.getObject().run(delivery));
				}
				return bean;
			}

		};
	}

	@Bean
	SmartInitializingSingleton celerityEagerModeValidation(ObjectProvider<TaskRunner> runner) {
		return () -> {
			if (runner.getIfAvailable() == null) {
				throw new IllegalStateException("celerity.eager=true runs tasks with the worker's task runner, "
						+ "which celerity.worker.enabled=false turns off: remove one of the two");
			}
		};
	}

}
