package dev.celerity.autoconfigure.schedule;

import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.schedule.ScheduleClaims;
import dev.celerity.schedule.redis.RedisScheduleClaims;

/**
 * Tick claims in Redis, when the application has a Redis connection and does not force the memory broker: each tick
 * once across every instance on that Redis.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnBean(RedisConnectionFactory.class)
@Conditional(RedisScheduleClaimsConfiguration.BrokerNotForcedToMemory.class)
class RedisScheduleClaimsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ScheduleClaims celerityScheduleClaims(RedisConnectionFactory connectionFactory, BeatProperties properties,
			Environment environment) {
		String owner = environment.getProperty("spring.application.name", "celerity") + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		return new RedisScheduleClaims(new StringRedisTemplate(connectionFactory), properties.getKeyPrefix(),
				properties.getClaimTimeToLive(), owner);
	}

	/**
	 * Matches unless {@code celerity.broker.type=memory}.
	 */
	static class BrokerNotForcedToMemory extends NoneNestedConditions {

		BrokerNotForcedToMemory() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "celerity.broker.type", havingValue = "memory")
		static class MemoryBroker {

		}

	}

}
