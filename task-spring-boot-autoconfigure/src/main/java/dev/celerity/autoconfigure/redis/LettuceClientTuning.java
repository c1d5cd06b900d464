package dev.celerity.autoconfigure.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.celerity.autoconfigure.InvalidCelerityPropertyException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tunes the Lettuce client that Spring Boot builds, through its customizer hooks, so that an outage of Redis is
 * noticed and left quickly: commands are rejected while the connection is down rather than queued until the command
 * timeout, and reconnect attempts back off to at most {@code celerity.redis.max-reconnect-delay} instead of 30 s.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "io.lettuce.core.RedisClient",
		"org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer" })
class LettuceClientTuning {

	private static final Duration FIRST_RECONNECT_DELAY = Duration.ofMillis(20);

	@Bean
	LettuceClientOptionsBuilderCustomizer celerityLettuceClientOptions(CelerityRedisProperties properties) {
		return (builder) -> {
			if (properties.isRejectCommandsWhenDisconnected()) {
				builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
			}
		};
	}

	@Bean
	ClientResourcesBuilderCustomizer celerityLettuceReconnectDelay(CelerityRedisProperties properties) {
		Duration max = properties.getMaxReconnectDelay();
		if (max == null || max.isZero() || max.isNegative()) {
			throw new InvalidCelerityPropertyException("celerity.redis.max-reconnect-delay", max,
					"the client would try to reconnect in a busy loop",
					"Set celerity.redis.max-reconnect-delay to a positive duration (for example 1s), or remove it "
							+ "for 1s.");
		}
		Duration first = (max.compareTo(FIRST_RECONNECT_DELAY) < 0) ? max : FIRST_RECONNECT_DELAY;
		return (builder) -> builder.reconnectDelay(Delay.exponential(first, max, 2, TimeUnit.MILLISECONDS));
	}

}
