package dev.celerity.schedule.redis;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.celerity.schedule.AbstractScheduleClaimsContractTests;
import dev.celerity.schedule.ScheduleClaims;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims contract on a real Redis, plus what the keys hold.
 */
@RequiresRedis
class RedisScheduleClaimsTests extends AbstractScheduleClaimsContractTests {

	private static LocalRedis redis;

	private final RedisScheduleClaims claims = new RedisScheduleClaims(redis.template(), redis.prefix(),
			Duration.ofMinutes(1), "instance-1");

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

	@Override
	protected ScheduleClaims claims() {
		return this.claims;
	}

	@Override
	protected String scheduleName(String name) {
		return name;
	}

	@Test
	void claimKeyNamesTheWinnerAndExpiresWhileTheLastTickStays() {
		Instant tick = Instant.parse("2030-01-01T00:00:00Z");
		this.claims.claim("keys", tick);
		String tickKey = this.claims.tickKey("keys", tick);
		assertThat(tickKey).isEqualTo(redis.prefix() + ":beat:{keys}:tick:" + tick.toEpochMilli());
		assertThat(redis.template().opsForValue().get(tickKey)).isEqualTo("instance-1");
		assertThat(redis.template().getExpire(tickKey)).isBetween(1L, 60L);
		assertThat(redis.template().getExpire(this.claims.lastKey("keys"))).isEqualTo(-1L);
	}

	@Test
	void instancesOnOneRedisShareTheClaims() {
		RedisScheduleClaims other = new RedisScheduleClaims(redis.template(), redis.prefix(), Duration.ofMinutes(1),
				"instance-2");
		Instant tick = Instant.parse("2030-01-01T00:00:00Z");
		assertThat(this.claims.claim("shared", tick).claimed()).isTrue();
		assertThat(other.claim("shared", tick).claimed()).isFalse();
		assertThat(other.lastTick("shared")).contains(tick);
	}

}
