package dev.celerity.autoconfigure.celery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.celerity.autoconfigure.InvalidCelerityPropertyException;
import dev.celerity.autoconfigure.redis.CelerityRedisProperties;
import dev.celerity.backend.ChainStore;
import dev.celerity.backend.ChordStore;
import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.broker.redis.RedisBroker;
import dev.celerity.broker.redis.RedisBrokerOptions;
import dev.celerity.broker.Delivery;
import dev.celerity.celery.CeleryMessageCodec;
import dev.celerity.celery.CeleryQueuesBroker;
import dev.celerity.celery.redis.CeleryRedisBroker;
import dev.celerity.celery.redis.CeleryRedisChordStore;
import dev.celerity.celery.redis.CeleryRedisResultBackend;
import dev.celerity.celery.CeleryControl;
import dev.celerity.celery.CeleryEvents;
import dev.celerity.celery.redis.CeleryMonitoring;
import dev.celerity.control.ControlDispatcher;
import dev.celerity.control.RevocationStore;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.worker.AttemptSupervisor;
import dev.celerity.worker.Worker;
import dev.celerity.worker.AttemptSupervisor.RunningTask;

/**
 * Auto-configuration of Celery on the wire ({@code celerity.celery.enabled=true}): the broker of the Celery queues
 * on kombu's Redis layout (Celerity's own Redis broker keeps the other queues), the result backend and chord store
 * in Celery's keys. It runs before Celerity's Redis auto-configuration, whose beans then stand aside. Redis Cluster
 * is refused: kombu's keys of one queue do not share a hash slot.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		beforeName = "dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
@ConditionalOnProperty(prefix = "celerity.celery", name = "enabled", havingValue = "true")
@EnableConfigurationProperties({ CeleryProperties.class, CelerityRedisProperties.class })
public final class CeleryAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(CeleryAutoConfiguration.class);

	/**
	 * Refuses Redis Cluster before any bean connects to it.
	 * @param environment the environment
	 * @return the check, run when the bean factory is ready
	 */
	@Bean
	static BeanFactoryPostProcessor celerityCeleryClusterRefusal(Environment environment) {
		return (beanFactory) -> {
			refuseCluster(environment);
			CeleryProperties celery = Binder.get(environment)
				.bind("celerity.celery", CeleryProperties.class)
				.orElseGet(CeleryProperties::new);
			requirePositive("celerity.celery.heartbeat", celery.getHeartbeat());
			requirePositive("celerity.celery.idle-poll", celery.getIdlePoll());
			if (celery.getHostname() == null || !celery.getHostname().contains("@")) {
				throw new InvalidCelerityPropertyException("celerity.celery.hostname", celery.getHostname(),
						"Celery node names are name@host", "Set a name such as orders@host");
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean(Broker.class)
	Broker celerityCeleryBroker(ObjectProvider<RedisConnectionFactory> connectionFactory, CeleryProperties celery,
			CelerityRedisProperties redis, MessageCodec codec, ObjectProvider<Clock> clock, Environment environment) {
		RedisConnectionFactory factory = singleRedis(connectionFactory, environment);
		Clock time = clock.getIfUnique(Clock::systemUTC);
		CeleryRedisBroker celeryBroker = new CeleryRedisBroker(factory, codec,
				new CeleryMessageCodec(codec, celery.getOrigin()), redis.getKeyPrefix(), celery.getIdlePoll(), time);
		if (celery.getQueues().isEmpty()) {
			logger.info("Celerity broker: Celery's Redis layout for every queue");
			return celeryBroker;
		}
		logger.info("Celerity broker: Celery's Redis layout for queues {}, Celerity's for the others",
				celery.getQueues());
		RedisBroker other = new RedisBroker(factory, RedisBrokerOptions.defaults()
			.withKeyPrefix(redis.getKeyPrefix())
			.withMaxBlock(redis.getMaxBlock())
			.withIdleRecheck(redis.getIdleRecheck()), codec, time);
		return new CeleryQueuesBroker(new LinkedHashSet<>(celery.getQueues()), celeryBroker, other);
	}

	@Bean
	@ConditionalOnMissingBean(ResultBackend.class)
	CeleryRedisResultBackend celerityCeleryResultBackend(ObjectProvider<RedisConnectionFactory> connectionFactory,
			CelerityRedisProperties redis, Environment environment) {
		return new CeleryRedisResultBackend(singleRedis(connectionFactory, environment), redis.getResultWaitTimeout());
	}

	@Bean
	@ConditionalOnMissingBean(ChordStore.class)
	CeleryRedisChordStore celerityCeleryChordStore(ObjectProvider<RedisConnectionFactory> connectionFactory,
			Environment environment) {
		return new CeleryRedisChordStore(singleRedis(connectionFactory, environment));
	}

	// Python workers read only Celery's inline chain, so every chain travels inline (as in Celery itself)
	@Bean
	@ConditionalOnMissingBean(ChainStore.class)
	ChainStore celerityCeleryChainStore() {
		return ChainStore.none();
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnBooleanProperty(name = "celerity.worker.enabled", matchIfMissing = true)
	CeleryMonitoring celerityCeleryMonitoring(ObjectProvider<RedisConnectionFactory> connectionFactory,
			CeleryProperties celery, TaskRegistry registry, ObjectProvider<AttemptSupervisor> supervisor,
			ObjectProvider<RevocationStore> revocations, ObjectProvider<ControlDispatcher> dispatcher,
			ObjectProvider<Clock> clock, ObjectProvider<Worker> worker, MessageCodec codec, Environment environment) {
		RedisConnectionFactory factory = singleRedis(connectionFactory, environment);
		int database = (factory instanceof LettuceConnectionFactory lettuce) ? lettuce.getDatabase() : 0;
		Clock time = clock.getIfUnique(Clock::systemUTC);
		Supplier<List<RunningTask>> running = () -> {
			AttemptSupervisor attempts = supervisor.getIfAvailable();
			return (attempts != null) ? attempts.running() : List.of();
		};
		Supplier<Collection<Delivery>> leased = () -> {
			Worker current = worker.getIfAvailable();
			List<Delivery> held = new ArrayList<>();
			if (current != null) {
				current.pools().forEach((pool) -> held.addAll(pool.leased()));
			}
			return held;
		};
		CeleryControl control = new CeleryControl(celery.getHostname(), registry, running, leased, codec,
				revocations.getIfAvailable(() -> RevocationStore.NONE), dispatcher.getIfAvailable(), time);
		return new CeleryMonitoring(factory, database, control, new CeleryEvents(celery.getHostname(), time),
				() -> running.get().size(), celery.getHeartbeat());
	}

	private static void requirePositive(String property, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidCelerityPropertyException(property, value, "it must be a positive duration",
					"Set " + property + " to a positive duration such as 2s");
		}
	}

	private static void refuseCluster(Environment environment) {
		if (environment.containsProperty("spring.data.redis.cluster.nodes")
				|| environment.containsProperty("spring.data.redis.cluster.nodes[0]")) {
			throw new InvalidCelerityPropertyException("celerity.celery.enabled", "true",
					"Celery mode needs a single Redis (or Sentinel): kombu's keys of one queue do not share a hash "
							+ "slot, so Redis Cluster is not available in Celery mode",
					"Point spring.data.redis at a single Redis, or set celerity.celery.enabled=false");
		}
	}

	private static RedisConnectionFactory singleRedis(ObjectProvider<RedisConnectionFactory> connectionFactory,
			Environment environment) {
		refuseCluster(environment);
		RedisConnectionFactory factory = connectionFactory.getIfAvailable();
		if (factory == null) {
			throw new InvalidCelerityPropertyException("celerity.celery.enabled", "true",
					"Celery mode needs a RedisConnectionFactory, but the application has none",
					"Add spring-boot-starter-data-redis and configure spring.data.redis");
		}
		return factory;
	}

}
