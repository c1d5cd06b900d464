package dev.celerity.control.redis;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.control.RevocationStore;

/**
 * Revoked task ids shared by the cluster: one Redis key per revoked id, expiring after the configured time.
 */
public class RedisRevocationStore implements RevocationStore {

	private final StringRedisTemplate redis;

	private final String prefix;

	private final Duration timeToLive;

	/**
	 * Creates a store.
	 * @param redis the Redis access
	 * @param prefix the key prefix shared by Celerity's keys
	 * @param timeToLive how long a revocation is remembered; it should outlast the longest countdown in use
	 */
	public RedisRevocationStore(StringRedisTemplate redis, String prefix, Duration timeToLive) {
		this.redis = redis;
		this.prefix = prefix;
		this.timeToLive = timeToLive;
	}

	@Override
	public void revoke(String taskId) {
		this.redis.opsForValue().set(key(taskId), "1", this.timeToLive);
	}

	@Override
	public boolean isRevoked(String taskId) {
		return Boolean.TRUE.equals(this.redis.hasKey(key(taskId)));
	}

	private String key(String taskId) {
		return this.prefix + ":revoked:" + taskId;
	}

}
