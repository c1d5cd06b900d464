package dev.celerity.autoconfigure.schedule;

import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.autoconfigure.redis.CelerityRedisProperties;
import dev.celerity.autoconfigure.redis.ConditionalOnRedisBroker;
import dev.celerity.schedule.ScheduleClaims;
import dev.celerity.schedule.SchedulePauses;
import dev.celerity.schedule.redis.RedisScheduleClaims;
import dev.celerity.schedule.redis.RedisSchedulePauses;

/**
 * Tick claims and paused schedules in Redis, when Celerity runs on Redis: each tick once across every instance on
 * that Redis, and a pause for all of them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnBean(RedisConnectionFactory.class)
@ConditionalOnRedisBroker
@EnableConfigurationProperties(CelerityRedisProperties.class)
class RedisScheduleClaimsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ScheduleClaims celerityScheduleClaims(RedisConnectionFactory connectionFactory, BeatProperties properties,
			CelerityRedisProperties redisProperties, Environment environment) {
		String owner = environment.getProperty("spring.application.name", "celerity") + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		return new RedisScheduleClaims(new StringRedisTemplate(connectionFactory), redisProperties.getKeyPrefix(),
				properties.getClaimTimeToLive(), owner);
	}

	@Bean
	@ConditionalOnMissingBean
	SchedulePauses celerySchedulePauses(RedisConnectionFactory connectionFactory,
			CelerityRedisProperties redisProperties) {
		return new RedisSchedulePauses(new StringRedisTemplate(connectionFactory), redisProperties.getKeyPrefix());
	}

}
