package dev.celerity.autoconfigure.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.celerity.autoconfigure.redis.CelerityRedisProperties;
import dev.celerity.autoconfigure.redis.ConditionalOnRedisBroker;
import dev.celerity.ratelimit.RateLimitChannel;
import dev.celerity.ratelimit.RateLimiter;
import dev.celerity.ratelimit.redis.RedisRateLimitChannel;
import dev.celerity.ratelimit.redis.RedisRateLimiter;

/**
 * Cluster-wide rate limiting when the application has a Lettuce Redis connection and does not force the embedded
 * broker: buckets in Redis through Bucket4j, limit changes through Redis pub/sub.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(value = { RedisConnectionFactory.class, LettuceConnectionFactory.class },
		name = "io.github.bucket4j.redis.lettuce.Bucket4jLettuce")
@ConditionalOnBean(RedisConnectionFactory.class)
@ConditionalOnRedisBroker
@EnableConfigurationProperties(CelerityRedisProperties.class)
class RedisRateLimitConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RateLimiter celerityRateLimiter(RedisConnectionFactory connectionFactory, CelerityRateLimitProperties properties,
			CelerityRedisProperties redisProperties) {
		CelerityRateLimitProperties.RateLimiting settings = properties.getRateLimiting();
		return new RedisRateLimiter(connectionFactory, redisProperties.getKeyPrefix(), settings.getMaxReservation(),
				settings.getRedisKeepAfterFull());
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitChannel celerityRateLimitChannel(RedisConnectionFactory connectionFactory,
			CelerityRedisProperties redisProperties) {
		return new RedisRateLimitChannel(connectionFactory, redisProperties.getKeyPrefix());
	}

}
