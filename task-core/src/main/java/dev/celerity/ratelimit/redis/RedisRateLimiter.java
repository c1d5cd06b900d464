package dev.celerity.ratelimit.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.celerity.ratelimit.BucketRateLimiter;

/**
 * Cluster-wide rate limiting: one Bucket4j bucket per task (or per key) in Redis, shared by every instance, reached
 * through the application's Lettuce connection. Bucket keys expire once their bucket would be full again, so unused
 * limits leave nothing behind.
 */
public class RedisRateLimiter extends BucketRateLimiter implements DisposableBean {

	private final RedisConnection connection;

	private final ProxyManager<byte[]> proxies;

	private final RateLimitKeys keys;

	/**
	 * Creates a limiter.
	 * @param connectionFactory the application's Lettuce connection factory
	 * @param keyPrefix the prefix of Celerity's keys, for example {@code celerity}
	 * @param maxReservation how far ahead a token may be reserved
	 * @param keepAfterFull how long a bucket key lives after its bucket is full again
	 */
	public RedisRateLimiter(RedisConnectionFactory connectionFactory, String keyPrefix, Duration maxReservation,
			Duration keepAfterFull) {
		super(maxReservation);
		this.keys = new RateLimitKeys(keyPrefix);
		this.connection = connectionFactory.getConnection();
		ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(keepAfterFull);
		Object commands = this.connection.getNativeConnection();
		if (commands instanceof RedisAdvancedClusterAsyncCommands<?, ?> cluster) {
			this.proxies = Bucket4jLettuce.casBasedBuilder(clusterCommands(cluster)).expirationAfterWrite(expiry).build();
		}
		else if (commands instanceof RedisAsyncCommands<?, ?> standalone) {
			this.proxies = Bucket4jLettuce.casBasedBuilder(standaloneCommands(standalone))
				.expirationAfterWrite(expiry)
				.build();
		}
		else {
			this.connection.close();
			throw new IllegalStateException("Cluster-wide rate limits need a Lettuce connection, not "
					+ ((commands != null) ? commands.getClass().getName() : "null"));
		}
	}

	@Override
	protected Bucket bucket(String name, BucketConfiguration configuration, long version) {
		byte[] key = this.keys.bucket(name).getBytes(StandardCharsets.UTF_8);
		return this.proxies.builder()
			.withImplicitConfigurationReplacement(version + 1, TokensInheritanceStrategy.AS_IS)
			.build(key, () -> configuration);
	}

	@Override
	public void destroy() {
		this.connection.close();
	}

	// Spring Data Redis connections are byte[]-keyed and byte[]-valued
	@SuppressWarnings("unchecked")
	private static RedisAsyncCommands<byte[], byte[]> standaloneCommands(RedisAsyncCommands<?, ?> commands) {
		return (RedisAsyncCommands<byte[], byte[]>) commands;
	}

	@SuppressWarnings("unchecked")
	private static RedisAdvancedClusterAsyncCommands<byte[], byte[]> clusterCommands(
			RedisAdvancedClusterAsyncCommands<?, ?> commands) {
		return (RedisAdvancedClusterAsyncCommands<byte[], byte[]>) commands;
	}

}
