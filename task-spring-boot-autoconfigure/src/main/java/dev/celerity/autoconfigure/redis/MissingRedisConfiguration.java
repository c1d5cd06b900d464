package dev.celerity.autoconfigure.redis;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.celerity.autoconfigure.InvalidCelerityPropertyException;

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
				throw new InvalidCelerityPropertyException(RedisBrokerSelection.TYPE_PROPERTY, "redis",
						"the Redis broker needs Spring Data Redis, which is not on the class path",
						"Add spring-boot-starter-data-redis to the application's dependencies, or set "
								+ RedisBrokerSelection.TYPE_PROPERTY + " to memory (or auto) for the embedded broker.");
			}
		};
	}

}
