package dev.celerity.schedule.redis;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.celerity.schedule.AbstractPeriodicSchedulerTests;
import dev.celerity.schedule.ScheduleClaims;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * The scheduler loop on claims in a real Redis: a stopped scheduler and a new one on the same Redis stand for an
 * instance restart.
 */
@RequiresRedis
class RedisPeriodicSchedulerTests extends AbstractPeriodicSchedulerTests {

	private static LocalRedis redis;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

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
	protected ScheduleClaims newClaims() {
		return new RedisScheduleClaims(redis.template(), redis.prefix(), Duration.ofMinutes(1), "instance");
	}

	@Override
	protected String scheduleName(String name) {
		return name + "-" + this.run;
	}

}
