package dev.celerity.autoconfigure.redis;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.redis.RedisResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.broker.redis.RedisBroker;
import dev.celerity.broker.redis.RedisBrokerOptions;
import dev.celerity.message.MessageCodec;

/**
 * The Redis broker and result backend beans.
 */
@Configuration(proxyBeanMethods = false)
class RedisBrokerConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RedisBrokerConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(Broker.class)
	RedisBroker celerityRedisBroker(ObjectProvider<RedisConnectionFactory> connectionFactory,
			CelerityRedisProperties properties, ObjectProvider<MessageCodec> codec, ObjectProvider<Clock> clock, Environment environment) {
		RedisBrokerOptions options = new RedisBrokerOptions(properties.getKeyPrefix(),
				maxBlock(properties.getMaxBlock(), environment), properties.getIdleRecheck());
		logger.info("Celerity broker: Redis, key prefix '{}' ({})", options.keyPrefix(),
				RedisBrokerSelection.reason(environment).orElse("configured"));
		return new RedisBroker(required(connectionFactory), options, codec.getIfAvailable(MessageCodec::new),
				clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean(ResultBackend.class)
	RedisResultBackend celerityRedisResultBackend(ObjectProvider<RedisConnectionFactory> connectionFactory,
			CelerityRedisProperties properties, ObjectProvider<MessageCodec> codec) {
		logger.info("Celerity result backend: Redis, key prefix '{}'", properties.getKeyPrefix());
		return new RedisResultBackend(required(connectionFactory), codec.getIfAvailable(MessageCodec::new),
				properties.getKeyPrefix(), properties.getResultWaitTimeout());
	}

	private static RedisConnectionFactory required(ObjectProvider<RedisConnectionFactory> connectionFactory) {
		RedisConnectionFactory factory = connectionFactory.getIfAvailable();
		if (factory == null) {
			throw new IllegalStateException("Celerity is configured to run on Redis but the application has no "
					+ "RedisConnectionFactory; add spring-boot-starter-data-redis or set celerity.broker.type=memory");
		}
		return factory;
	}

	// a blocking read longer than the client's command timeout would fail on the client side
	private static Duration maxBlock(Duration configured, Environment environment) {
		Duration timeout = Binder.get(environment).bind("spring.data.redis.timeout", Duration.class).orElse(null);
		if (timeout == null || timeout.isZero() || timeout.isNegative()) {
			return configured;
		}
		Duration half = timeout.dividedBy(2);
		return (half.compareTo(configured) < 0 && !half.isZero()) ? half : configured;
	}

}
