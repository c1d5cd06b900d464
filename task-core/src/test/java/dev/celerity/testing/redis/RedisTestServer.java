package dev.celerity.testing.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

/**
 * The real Redis the tests run against ({@code REDIS_URL}, else {@code redis://127.0.0.1:6379}), reached through a
 * Lettuce connection factory shared by the whole test run.
 */
public final class RedisTestServer implements AutoCloseable {

	private final String url;

	private final LettuceConnectionFactory connectionFactory;

	private RedisTestServer(String url, LettuceConnectionFactory connectionFactory) {
		this.url = url;
		this.connectionFactory = connectionFactory;
	}

	/**
	 * Returns the URL of the Redis under test.
	 * @return {@code REDIS_URL} or the local default
	 */
	public static String url() {
		String url = System.getenv("REDIS_URL");
		return (url != null && !url.isBlank()) ? url : "redis://127.0.0.1:6379";
	}

	/**
	 * Connects and checks that the server answers.
	 * @param url the server's URL
	 * @return the server
	 * @throws RuntimeException if it cannot be reached
	 */
	static RedisTestServer connect(String url) {
		RedisConfiguration configuration = LettuceConnectionFactory.createRedisConfiguration(url);
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration,
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(30)).build());
		factory.afterPropertiesSet();
		factory.start();
		try (RedisConnection connection = factory.getConnection()) {
			connection.ping();
		}
		catch (RuntimeException ex) {
			factory.destroy();
			throw ex;
		}
		return new RedisTestServer(url, factory);
	}

	/**
	 * Returns the shared connection factory; do not stop it.
	 * @return the factory
	 */
	public RedisConnectionFactory connectionFactory() {
		return this.connectionFactory;
	}

	/**
	 * Lists the keys starting with a prefix.
	 * @param prefix the prefix
	 * @return the keys
	 */
	public List<String> keys(String prefix) {
		List<String> keys = new ArrayList<>();
		try (RedisConnection connection = this.connectionFactory.getConnection();
				Cursor<byte[]> cursor = connection.keyCommands()
					.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())) {
			cursor.forEachRemaining((key) -> keys.add(new String(key, StandardCharsets.UTF_8)));
		}
		return keys;
	}

	/**
	 * Deletes the keys starting with a prefix.
	 * @param prefix the prefix
	 */
	public void deleteKeys(String prefix) {
		List<String> keys = keys(prefix);
		if (!keys.isEmpty()) {
			try (RedisConnection connection = this.connectionFactory.getConnection()) {
				connection.keyCommands()
					.del(keys.stream().map((key) -> key.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
			}
		}
	}

	/**
	 * Reads the server's command statistics ({@code INFO commandstats}).
	 * @return the statistics
	 */
	public CommandStats commandStats() {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			Properties info = connection.serverCommands().info("commandstats");
			return CommandStats.of(info);
		}
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

	@Override
	public String toString() {
		return "Redis at " + this.url;
	}

}
