package dev.celerity.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local Bucket4j buckets: a burst of the limit, then reservations at the limit's pace, then refusals.
 */
class LocalRateLimiterTests {

	private final LocalRateLimiter limiter = new LocalRateLimiter(Duration.ofSeconds(1), 100, Duration.ofMinutes(1));

	@Test
	void aBurstOfTheLimitIsGrantedThenTokensAreReservedAtTheLimitsPace() {
		RateLimit limit = RateLimit.parse("10/s");
		for (int i = 0; i < 10; i++) {
			assertThat(this.limiter.acquire("task", limit, 0).granted()).isTrue();
		}
		Permit first = this.limiter.acquire("task", limit, 0);
		Permit second = this.limiter.acquire("task", limit, 0);
		assertThat(first.reserved()).isTrue();
		assertThat(first.delay()).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
		assertThat(second.reserved()).isTrue();
		assertThat(second.delay().minus(first.delay())).isBetween(Duration.ofMillis(90), Duration.ofMillis(110));
	}

	@Test
	void beyondTheReservationWindowNothingIsReservedAndTheWaitEndsWhenTheTokenEntersTheWindow() {
		RateLimit limit = RateLimit.parse("1/m");
		assertThat(this.limiter.acquire("slow", limit, 0).granted()).isTrue();
		Permit refused = this.limiter.acquire("slow", limit, 0);
		assertThat(refused.reserved()).isFalse();
		assertThat(refused.delay()).isBetween(Duration.ofSeconds(57), Duration.ofSeconds(59));
	}

	@Test
	void eachBucketNameHasItsOwnTokens() {
		RateLimit limit = RateLimit.parse("1/m");
		assertThat(this.limiter.acquire("task:alice", limit, 0).granted()).isTrue();
		assertThat(this.limiter.acquire("task:bob", limit, 0).granted()).isTrue();
		assertThat(this.limiter.acquire("task:alice", limit, 0).granted()).isFalse();
	}

	@Test
	void aNewerLimitReplacesTheConfigurationAndKeepsTheTokensTaken() {
		for (int i = 0; i < 5; i++) {
			this.limiter.acquire("task", RateLimit.parse("5/m"), 0);
		}
		assertThat(this.limiter.acquire("task", RateLimit.parse("100/m"), 1).granted())
			.as("tokens taken under the old limit stay taken").isFalse();
		assertThat(this.limiter.acquire("fresh", RateLimit.parse("100/m"), 1).granted()).isTrue();
	}

}
