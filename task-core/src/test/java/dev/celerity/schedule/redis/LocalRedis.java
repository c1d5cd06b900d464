package dev.celerity.schedule.redis;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * The Redis the claims tests run against ({@code REDIS_URL}, else {@code redis://127.0.0.1:6379}), with a key prefix
 * of its own that is deleted when closed; test classes using it are annotated {@link RequiresRedis}, which skips
 * them when no Redis answers (and fails them on CI).
 */
final class LocalRedis implements AutoCloseable {

	private final LettuceConnectionFactory connectionFactory;

	private final StringRedisTemplate template;

	private final String prefix = "celerity-test-" + UUID.randomUUID().toString().substring(0, 8);

	LocalRedis() {
		String url = RedisTestServer.url();
		RedisConfiguration configuration = LettuceConnectionFactory.createRedisConfiguration(url);
		this.connectionFactory = new LettuceConnectionFactory(configuration,
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(10)).build());
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.template = new StringRedisTemplate(this.connectionFactory);
		try {
			this.template.hasKey("ping");
		}
		catch (RuntimeException ex) {
			close();
			Assumptions.abort("No Redis reachable at " + url + ": " + ex.getMessage());
		}
	}

	StringRedisTemplate template() {
		return this.template;
	}

	String prefix() {
		return this.prefix;
	}

	@Override
	public void close() {
		try {
			Set<String> keys = this.template.keys(this.prefix + ":*");
			if (keys != null && !keys.isEmpty()) {
				this.template.delete(keys);
			}
		}
		catch (RuntimeException ex) {
			// Nothing to clean when the server is gone.
		}
		this.connectionFactory.destroy();
	}

}
