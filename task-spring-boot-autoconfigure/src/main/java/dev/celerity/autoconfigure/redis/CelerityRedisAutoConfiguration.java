package dev.celerity.autoconfigure.redis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of Celerity on Redis: the Redis broker and result backend on the application's
 * {@code RedisConnectionFactory}, when {@code celerity.broker.type=redis}, or {@code auto} with a Redis connection
 * configured. It runs before Celerity's own auto-configuration, whose embedded broker then stands aside.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		beforeName = "dev.celerity.autoconfigure.CelerityAutoConfiguration")
@Conditional(OnRedisBrokerCondition.class)
@Import({ CelerityRedisAutoConfiguration.RedisAvailable.class, CelerityRedisAutoConfiguration.RedisMissing.class })
public final class CelerityRedisAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
	@EnableConfigurationProperties(CelerityRedisProperties.class)
	@Import({ RedisBrokerConfiguration.class, LettuceClientTuning.class })
	static class RedisAvailable {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.data.redis.connection.RedisConnectionFactory")
	@Import(MissingRedisConfiguration.class)
	static class RedisMissing {

	}

}
