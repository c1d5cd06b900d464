package dev.celerity.autoconfigure.celery;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.InvalidCelerityPropertyException;
import dev.celerity.autoconfigure.canvas.CanvasAutoConfiguration;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.backend.ChordStore;
import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.celery.CeleryQueuesBroker;
import dev.celerity.celery.redis.CeleryRedisBroker;
import dev.celerity.celery.redis.CeleryRedisChordStore;
import dev.celerity.celery.redis.CeleryRedisResultBackend;

import static org.assertj.core.api.Assertions.assertThat;

class CeleryAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CeleryAutoConfiguration.class,
				CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class, CanvasAutoConfiguration.class))
		.withPropertyValues("celerity.broker.type=redis", "celerity.worker.enabled=false");

	@Test
	void celeryModeIsOffByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Broker.class)).isNotInstanceOf(CeleryRedisBroker.class);
			assertThat(context.getBean(ResultBackend.class)).isNotInstanceOf(CeleryRedisResultBackend.class);
		});
	}

	@Test
	void enabledWithoutQueuesPutsEveryQueueResultAndChordOnCelerysLayout() {
		this.contextRunner.withPropertyValues("celerity.celery.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Broker.class)).isInstanceOf(CeleryRedisBroker.class);
			assertThat(context.getBean(ResultBackend.class)).isInstanceOf(CeleryRedisResultBackend.class);
			assertThat(context.getBean(ChordStore.class)).isInstanceOf(CeleryRedisChordStore.class);
		});
	}

	@Test
	void namedQueuesAloneGoOnCelerysLayout() {
		this.contextRunner.withPropertyValues("celerity.celery.enabled=true", "celerity.celery.queues=celery,py")
			.run((context) -> assertThat(context.getBean(Broker.class)).isInstanceOf(CeleryQueuesBroker.class));
	}

	@Test
	void redisClusterIsRefusedAtStartUp() {
		this.contextRunner
			.withPropertyValues("celerity.celery.enabled=true", "spring.data.redis.cluster.nodes=127.0.0.1:7000")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(InvalidCelerityPropertyException.class)
					.hasMessageContaining("Redis Cluster is not available in Celery mode");
			});
	}

	@Test
	void aZeroHeartbeatIsRefusedAtStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("celerity.celery.enabled=true", "celerity.celery.heartbeat=0s")
			.run((context) -> assertThat(context.getStartupFailure())
				.isInstanceOf(InvalidCelerityPropertyException.class)
				.hasMessageContaining("celerity.celery.heartbeat"));
	}

}
