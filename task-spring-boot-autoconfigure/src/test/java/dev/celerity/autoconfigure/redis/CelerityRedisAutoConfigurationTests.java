package dev.celerity.autoconfigure.redis;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.backend.redis.RedisResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.broker.redis.RedisBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Celerity runs on Redis, and with which settings.
 */
@ExtendWith(OutputCaptureExtension.class)
class CelerityRedisAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class))
		.withPropertyValues("celerity.worker.enabled=false");

	@Test
	void runWithoutRedisConnectionShouldUseTheEmbeddedBroker() {
		this.contextRunner.run((context) -> {
			assertThat(context).getBean(Broker.class).isInstanceOf(InMemoryBroker.class);
			assertThat(context).getBean(ResultBackend.class).isInstanceOf(InMemoryResultBackend.class);
			assertThat(context).doesNotHaveBean(CelerityRedisProperties.class);
		});
	}

	@Test
	void runWithRedisHostShouldUseRedisAndSayWhy(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.data.redis.host=127.0.0.1").run((context) -> {
			assertThat(context).getBean(Broker.class).isInstanceOf(RedisBroker.class);
			assertThat(context).getBean(ResultBackend.class).isInstanceOf(RedisResultBackend.class);
			assertThat(output).contains("Celerity broker: Redis, key prefix 'celerity' "
					+ "(celerity.broker.type=auto and spring.data.redis.host is set)");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "spring.data.redis.url=redis://127.0.0.1:6379",
			"spring.data.redis.sentinel.master=mymaster;spring.data.redis.sentinel.nodes=127.0.0.1:26379",
			"spring.data.redis.cluster.nodes=127.0.0.1:7000",
			"spring.data.redis.cluster.nodes[0]=127.0.0.1:7000;spring.data.redis.cluster.nodes[1]=127.0.0.1:7001" })
	void runWithAnyExplicitRedisConnectionShouldUseRedis(String properties) {
		this.contextRunner.withPropertyValues(properties.split(";"))
			.run((context) -> assertThat(context).getBean(Broker.class).isInstanceOf(RedisBroker.class));
	}

	@Test
	void runWithTypeRedisShouldUseRedisOnTheDefaultConnection(CapturedOutput output) {
		this.contextRunner.withPropertyValues("celerity.broker.type=redis").run((context) -> {
			assertThat(context).getBean(Broker.class).isInstanceOf(RedisBroker.class);
			assertThat(output).contains("(celerity.broker.type=redis)");
		});
	}

	@Test
	void runWithTypeMemoryShouldIgnoreTheRedisConnection() {
		this.contextRunner.withPropertyValues("celerity.broker.type=memory", "spring.data.redis.host=127.0.0.1")
			.run((context) -> {
				assertThat(context).getBean(Broker.class).isInstanceOf(InMemoryBroker.class);
				assertThat(context).getBean(ResultBackend.class).isInstanceOf(InMemoryResultBackend.class);
			});
	}

	@Test
	void runWithApplicationBrokerShouldKeepItAndStillStoreResultsInRedis() {
		this.contextRunner.withPropertyValues("celerity.broker.type=redis")
			.withUserConfiguration(OwnBrokerConfiguration.class)
			.run((context) -> {
				assertThat(context).getBean(Broker.class).isSameAs(context.getBean("ownBroker"));
				assertThat(context).getBean(ResultBackend.class).isInstanceOf(RedisResultBackend.class);
			});
	}

	@Test
	void runWithKeyPrefixAndShortTimeoutShouldConfigureTheBroker() {
		this.contextRunner
			.withPropertyValues("celerity.broker.type=redis", "celerity.redis.key-prefix=shop",
					"celerity.redis.idle-recheck=2s", "spring.data.redis.timeout=4s")
			.run((context) -> {
				RedisBroker broker = context.getBean(RedisBroker.class);
				assertThat(broker.options().keyPrefix()).isEqualTo("shop");
				assertThat(broker.options().idleRecheck()).isEqualTo(Duration.ofSeconds(2));
				assertThat(broker.options().maxBlock()).isEqualTo(Duration.ofSeconds(2));
				assertThat(context.getBean(RedisResultBackend.class).keys().result("42")).isEqualTo("shop:result:{42}");
			});
	}

	@Test
	void runWithBadKeyPrefixShouldFail() {
		this.contextRunner.withPropertyValues("celerity.broker.type=redis", "celerity.redis.key-prefix=a{b}")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Key prefix must not contain braces"));
	}

	@Test
	void runWithTypeRedisWithoutSpringDataRedisShouldFailClearly() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("celerity.worker.enabled=false", "celerity.broker.type=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("celerity.broker.type")
				.hasMessageContaining("Spring Data Redis"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBrokerConfiguration {

		@Bean
		Broker ownBroker() {
			return new InMemoryBroker();
		}

	}

}
