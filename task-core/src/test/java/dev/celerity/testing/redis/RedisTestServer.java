package dev.celerity.testing.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

/**
 * The real Redis the tests run against ({@code REDIS_URL}, else {@code redis://127.0.0.1:6379}), or the real Redis
 * Cluster ({@code REDIS_CLUSTER_NODES}, else three masters on {@code 127.0.0.1:7000-7002}), reached through a Lettuce
 * connection factory shared by the whole test run.
 */
public final class RedisTestServer implements AutoCloseable {

	private final String url;

	private final boolean cluster;

	private final LettuceConnectionFactory connectionFactory;

	private RedisTestServer(String url, boolean cluster, LettuceConnectionFactory connectionFactory) {
		this.url = url;
		this.cluster = cluster;
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
	 * Returns the nodes of the Redis Cluster under test.
	 * @return {@code REDIS_CLUSTER_NODES} (comma-separated {@code host:port}) or the local default
	 */
	public static String clusterNodes() {
		String nodes = System.getenv("REDIS_CLUSTER_NODES");
		return (nodes != null && !nodes.isBlank()) ? nodes : "127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002";
	}

	/**
	 * Connects and checks that the server answers.
	 * @param url the server's URL
	 * @return the server
	 * @throws RuntimeException if it cannot be reached
	 */
	static RedisTestServer connect(String url) {
		return connect(url, false, LettuceConnectionFactory.createRedisConfiguration(url));
	}

	/**
	 * Connects to a cluster and checks that it answers.
	 * @param nodes the cluster's nodes, comma-separated {@code host:port}
	 * @return the cluster
	 * @throws RuntimeException if it cannot be reached
	 */
	static RedisTestServer connectCluster(String nodes) {
		return connect(nodes, true, new RedisClusterConfiguration(List.of(nodes.split(","))));
	}

	private static RedisTestServer connect(String url, boolean cluster, RedisConfiguration configuration) {
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
		return new RedisTestServer(url, cluster, factory);
	}

	/**
	 * Returns whether this is a Redis Cluster.
	 * @return {@code true} for a cluster
	 */
	public boolean isCluster() {
		return this.cluster;
	}

	/**
	 * Returns the Spring Boot properties that connect an application to this server.
	 * @return {@code name=value} pairs
	 */
	public List<String> connectionProperties() {
		return this.cluster ? List.of("spring.data.redis.cluster.nodes=" + this.url)
				: List.of("spring.data.redis.url=" + this.url);
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
		if (this.cluster) {
			// a scan reaches one node only: ask every master for its share
			try (RedisClusterConnection connection = this.connectionFactory.getClusterConnection()) {
				for (RedisClusterNode node : connection.clusterGetNodes()) {
					if (node.isMaster()) {
						connection.keys(node, (prefix + "*").getBytes(StandardCharsets.UTF_8))
							.forEach((key) -> keys.add(new String(key, StandardCharsets.UTF_8)));
					}
				}
			}
			return keys;
		}
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
				if (this.cluster) {
					// keys of many hash slots: one at a time
					keys.forEach((key) -> connection.keyCommands().del(key.getBytes(StandardCharsets.UTF_8)));
					return;
				}
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
		return (this.cluster ? "Redis Cluster at " : "Redis at ") + this.url;
	}

}
