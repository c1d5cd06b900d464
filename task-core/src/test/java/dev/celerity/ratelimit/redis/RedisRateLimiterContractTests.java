package dev.celerity.ratelimit.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;

import dev.celerity.ratelimit.AbstractRateLimiterContractTests;
import dev.celerity.ratelimit.RateLimiter;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

/**
 * The rate limiter contract on cluster-wide Bucket4j buckets in a real Redis.
 */
@RequiresRedis
class RedisRateLimiterContractTests extends AbstractRateLimiterContractTests {

	private final RedisTestContext redis;

	private final List<RedisRateLimiter> created = new ArrayList<>();

	RedisRateLimiterContractTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@Override
	protected RateLimiter createLimiter(Duration maxReservation) {
		RedisRateLimiter limiter = new RedisRateLimiter(this.redis.connectionFactory(), this.redis.keyPrefix(),
				maxReservation, Duration.ofMinutes(1));
		this.created.add(limiter);
		return limiter;
	}

	@AfterEach
	void destroyLimiters() {
		this.created.forEach(RedisRateLimiter::destroy);
	}

}
