package dev.celerity.autoconfigure.control;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.autoconfigure.redis.CelerityRedisProperties;
import dev.celerity.autoconfigure.redis.ConditionalOnRedisBroker;
import dev.celerity.control.ControlBus;
import dev.celerity.control.ControlDispatcher;
import dev.celerity.control.InstanceIdentity;
import dev.celerity.control.RevocationStore;
import dev.celerity.control.WorkerRegistry;
import dev.celerity.control.redis.RedisControlBus;
import dev.celerity.control.redis.RedisRevocationStore;
import dev.celerity.control.redis.RedisTaskEventStream;
import dev.celerity.control.redis.RedisWorkerRegistry;
import dev.celerity.message.MessageCodec;

/**
 * Cluster-wide control over the application's Redis connection: shared revocations (kept in each instance's memory,
 * current through the revoke broadcast) and heartbeats, commands over pub/sub, the capped event stream.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnBean(RedisConnectionFactory.class)
@ConditionalOnRedisBroker
@EnableConfigurationProperties(CelerityRedisProperties.class)
class RedisControlConfiguration {

	@Bean
	@ConditionalOnMissingBean(RevocationStore.class)
	RedisRevocationStore celerityRevocationStore(RedisConnectionFactory connectionFactory,
			CelerityControlProperties properties, CelerityRedisProperties redisProperties,
			@Qualifier("celerityClock") Clock clock) {
		return new RedisRevocationStore(redis(connectionFactory), redisProperties.getKeyPrefix(),
				properties.getRevocationTimeToLive(), properties.getRevocationRefreshInterval(), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	WorkerRegistry celerityWorkerRegistry(RedisConnectionFactory connectionFactory,
			MessageCodec codec, CelerityRedisProperties redisProperties, @Qualifier("celerityClock") Clock clock) {
		return new RedisWorkerRegistry(redis(connectionFactory), codec, redisProperties.getKeyPrefix(), clock);
	}

	@Bean(destroyMethod = "destroy")
	@ConditionalOnMissingBean(ControlBus.class)
	RedisControlBus celerityControlBus(RedisConnectionFactory connectionFactory, MessageCodec codec,
			ControlDispatcher dispatcher, CelerityRedisProperties redisProperties) {
		return new RedisControlBus(connectionFactory, redis(connectionFactory), codec, dispatcher,
				redisProperties.getKeyPrefix());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "celerity.control.event-stream.enabled", matchIfMissing = true)
	@ConditionalOnMissingBean
	RedisTaskEventStream celerityTaskEventStream(RedisConnectionFactory connectionFactory,
			CelerityControlProperties properties, CelerityRedisProperties redisProperties, InstanceIdentity identity) {
		CelerityControlProperties.EventStream stream = properties.getEventStream();
		return new RedisTaskEventStream(redis(connectionFactory), redisProperties.getKeyPrefix(),
				stream.getMaxLength(), stream.getEvents(), identity.id());
	}

	// a template of our own rather than a bean, so the application's StringRedisTemplate stays the only one
	private static StringRedisTemplate redis(RedisConnectionFactory connectionFactory) {
		return new StringRedisTemplate(connectionFactory);
	}

}
