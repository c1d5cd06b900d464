package dev.celerity.autoconfigure.dashboard;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.autoconfigure.control.CelerityControlProperties;
import dev.celerity.autoconfigure.redis.CelerityRedisProperties;
import dev.celerity.control.InstanceIdentity;
import dev.celerity.control.TaskEventHistory;
import dev.celerity.control.memory.InMemoryTaskEventHistory;
import dev.celerity.control.redis.RedisTaskEventHistory;
import dev.celerity.control.redis.RedisTaskEventStream;

/**
 * Where the dashboard reads the task history: the cluster's Redis event stream when this instance writes one, this
 * instance's latest events otherwise (as many as the stream would keep).
 */
@Configuration(proxyBeanMethods = false)
@Import({ DashboardHistoryConfiguration.RedisHistory.class, DashboardHistoryConfiguration.LocalHistory.class })
class DashboardHistoryConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.core.StringRedisTemplate")
	@ConditionalOnBean({ RedisTaskEventStream.class, RedisConnectionFactory.class })
	static class RedisHistory {

		@Bean
		@ConditionalOnMissingBean
		TaskEventHistory celerityTaskEventHistory(RedisConnectionFactory connectionFactory,
				CelerityRedisProperties redisProperties) {
			return new RedisTaskEventHistory(new StringRedisTemplate(connectionFactory),
					redisProperties.getKeyPrefix());
		}

	}

	// the Redis event stream's bean by name: its type needs Spring Data Redis, which may be missing
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(name = "celerityTaskEventStream")
	static class LocalHistory {

		@Bean
		@ConditionalOnMissingBean(TaskEventHistory.class)
		InMemoryTaskEventHistory celerityTaskEventHistory(CelerityControlProperties control, InstanceIdentity identity,
				@Qualifier("celerityClock") Clock clock) {
			int maxEvents = (int) Math.min(Integer.MAX_VALUE, control.getEventStream().getMaxLength());
			return new InMemoryTaskEventHistory(maxEvents, identity.id(), clock);
		}

	}

}
