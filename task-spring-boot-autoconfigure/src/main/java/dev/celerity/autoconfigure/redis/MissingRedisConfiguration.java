package dev.celerity.autoconfigure.redis;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Stops the start-up with a clear message when {@code celerity.broker.type=redis} is set but Spring Data Redis is not
 * on the class path, rather than falling back to the embedded broker unnoticed.
 */
@Configuration(proxyBeanMethods = false)
class MissingRedisConfiguration {

	@Bean
	InitializingBean celerityRedisRequirementCheck(Environment environment) {
		return () -> {
			if (RedisBrokerSelection.required(environment)) {
				throw new IllegalStateException("celerity.broker.type=redis needs Spring Data Redis on the class path: "
						+ "add spring-boot-starter-data-redis");
			}
		};
	}

}
