package dev.celerity.ratelimit;

import java.time.Duration;

/**
 * The rate limiter contract on local Bucket4j buckets kept in Caffeine.
 */
class LocalRateLimiterTests extends AbstractRateLimiterContractTests {

	@Override
	protected RateLimiter createLimiter(Duration maxReservation) {
		return new LocalRateLimiter(maxReservation, 100, Duration.ofMinutes(1));
	}

}
