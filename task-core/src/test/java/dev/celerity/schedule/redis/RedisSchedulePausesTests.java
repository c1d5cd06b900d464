package dev.celerity.schedule.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.celerity.schedule.SchedulePauses;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paused schedules in Redis: one instance pauses, another sees it, and it lives in the set README names.
 */
@RequiresRedis
class RedisSchedulePausesTests {

	private static LocalRedis redis;

	@BeforeAll
	static void connect() {
		redis = new LocalRedis();
	}

	@AfterAll
	static void disconnect() {
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void aPauseOfOneInstanceIsSeenByAnotherUntilResumed() {
		SchedulePauses one = new RedisSchedulePauses(redis.template(), redis.prefix());
		SchedulePauses other = new RedisSchedulePauses(redis.template(), redis.prefix());
		assertThat(other.isPaused("nightly")).isFalse();
		one.pause("nightly");
		assertThat(other.isPaused("nightly")).isTrue();
		assertThat(other.isPaused("hourly")).isFalse();
		assertThat(redis.template().opsForSet().members(redis.prefix() + ":beat:paused")).containsExactly("nightly");
		other.resume("nightly");
		assertThat(one.isPaused("nightly")).isFalse();
	}

}
