package dev.celerity.schedule.redis;

import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.schedule.SchedulePauses;

/**
 * Paused schedules in one Redis set, {@code <prefix>:beat:paused}, that every instance's scheduler asks at each
 * tick: a pause reaches the whole cluster at its next tick and outlives restarts.
 */
public class RedisSchedulePauses implements SchedulePauses {

	private final StringRedisTemplate redis;

	private final String key;

	/**
	 * Creates the store.
	 * @param redis the Redis access
	 * @param prefix the key prefix shared by Celerity's keys
	 */
	public RedisSchedulePauses(StringRedisTemplate redis, String prefix) {
		this.redis = redis;
		this.key = new BeatKeys(prefix).paused();
	}

	@Override
	public boolean isPaused(String schedule) {
		return Boolean.TRUE.equals(this.redis.opsForSet().isMember(this.key, schedule));
	}

	@Override
	public void pause(String schedule) {
		this.redis.opsForSet().add(this.key, schedule);
	}

	@Override
	public void resume(String schedule) {
		this.redis.opsForSet().remove(this.key, schedule);
	}

}
