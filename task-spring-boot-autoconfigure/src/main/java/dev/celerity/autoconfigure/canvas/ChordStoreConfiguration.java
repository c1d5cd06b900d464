package dev.celerity.autoconfigure.canvas;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.celerity.autoconfigure.redis.CelerityRedisProperties;
import dev.celerity.backend.ChainStore;
import dev.celerity.backend.ChordStore;
import dev.celerity.backend.memory.InMemoryChainStore;
import dev.celerity.backend.memory.InMemoryChordStore;
import dev.celerity.backend.redis.RedisChainStore;
import dev.celerity.backend.redis.RedisChordStore;
import dev.celerity.message.MessageCodec;

/**
 * The chord store and the chain store: on Redis when results are kept in Redis (so every instance counts the same
 * chords and reads the same long chains), embedded otherwise.
 */
final class ChordStoreConfiguration {

	private ChordStoreConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
	@ConditionalOnBean(type = "dev.celerity.backend.redis.RedisResultBackend")
	@EnableConfigurationProperties(CelerityRedisProperties.class)
	static class RedisChordStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChordStore celerityChordStore(RedisConnectionFactory connectionFactory, MessageCodec codec,
				CelerityRedisProperties redisProperties) {
			return new RedisChordStore(connectionFactory, codec, redisProperties.getKeyPrefix());
		}

		@Bean
		@ConditionalOnMissingBean
		ChainStore celerityChainStore(RedisConnectionFactory connectionFactory, MessageCodec codec,
				CelerityRedisProperties redisProperties) {
			return new RedisChainStore(connectionFactory, codec, redisProperties.getKeyPrefix());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EmbeddedChordStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChordStore celerityChordStore() {
			return new InMemoryChordStore();
		}

		@Bean
		@ConditionalOnMissingBean
		ChainStore celerityChainStore() {
			return new InMemoryChainStore();
		}

	}

}
