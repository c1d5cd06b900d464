package dev.celerity.ratelimit;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The contract every {@link RateLimiter} honours: a burst of the limit at once, then the wait Bucket4j gives, as a
 * reservation inside the window or a refusal beyond it; never blocking; buckets independent; a newer limit applies.
 * Subclass it and return limiters from {@link #createLimiter(Duration)}.
 */
public abstract class AbstractRateLimiterContractTests {

	private static final Duration WINDOW = Duration.ofSeconds(1);

	private final String bucket = "contract-" + UUID.randomUUID();

	/**
	 * Creates a limiter under test.
	 * @param maxReservation how far ahead it may reserve a token
	 * @return a limiter
	 */
	protected abstract RateLimiter createLimiter(Duration maxReservation);

	@Test
	void aBurstOfTheLimitIsAdmittedAtOnce() {
		RateLimiter limiter = createLimiter(WINDOW);
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.acquire(this.bucket, RateLimit.parse("5/m"), 0)).isEqualTo(Permit.GRANTED);
		}
	}

	@Test
	void overTheLimitWithoutReservationsTheWaitIsUntilTheNextTokenRefills() {
		RateLimiter limiter = createLimiter(Duration.ZERO);
		RateLimit limit = RateLimit.parse("1/m");
		assertThat(limiter.acquire(this.bucket, limit, 0).granted()).isTrue();
		Permit refused = limiter.acquire(this.bucket, limit, 0);
		assertThat(refused.granted()).isFalse();
		assertThat(refused.reserved()).isFalse();
		assertThat(refused.delay()).isBetween(Duration.ofSeconds(58), Duration.ofSeconds(60));
	}

	@Test
	void insideTheWindowTokensAreReservedAtTheLimitsPace() {
		// a token every 6 s: a loaded machine never takes long enough between the calls to refill one
		RateLimiter limiter = createLimiter(Duration.ofSeconds(15));
		RateLimit limit = RateLimit.parse("10/m");
		for (int i = 0; i < 10; i++) {
			limiter.acquire(this.bucket, limit, 0);
		}
		Permit first = limiter.acquire(this.bucket, limit, 0);
		Permit second = limiter.acquire(this.bucket, limit, 0);
		assertThat(first.reserved()).isTrue();
		assertThat(first.delay()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(6));
		assertThat(second.reserved()).isTrue();
		assertThat(second.delay().minus(first.delay())).isBetween(Duration.ofSeconds(5), Duration.ofMillis(6010));
	}

	@Test
	void beyondTheWindowNothingIsReservedAndTheWaitEndsWhenTheTokenEntersIt() {
		RateLimiter limiter = createLimiter(WINDOW);
		RateLimit limit = RateLimit.parse("1/m");
		limiter.acquire(this.bucket, limit, 0);
		Permit refused = limiter.acquire(this.bucket, limit, 0);
		assertThat(refused.reserved()).isFalse();
		assertThat(refused.delay()).isBetween(Duration.ofSeconds(57), Duration.ofSeconds(59));
	}

	@Test
	void aReservationFarAheadIsAnsweredAtOnceWithoutBlocking() {
		RateLimiter limiter = createLimiter(Duration.ofMinutes(5));
		RateLimit limit = RateLimit.parse("1/m");
		limiter.acquire(this.bucket, limit, 0);
		Permit reserved = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> limiter.acquire(this.bucket, limit, 0));
		assertThat(reserved.reserved()).isTrue();
		assertThat(reserved.delay()).isGreaterThan(Duration.ofSeconds(50));
	}

	@Test
	void eachBucketHasItsOwnTokens() {
		RateLimiter limiter = createLimiter(Duration.ZERO);
		RateLimit limit = RateLimit.parse("1/m");
		assertThat(limiter.acquire(this.bucket + ":alice", limit, 0).granted()).isTrue();
		assertThat(limiter.acquire(this.bucket + ":bob", limit, 0).granted()).isTrue();
		assertThat(limiter.acquire(this.bucket + ":alice", limit, 0).granted()).isFalse();
	}

	@Test
	void aNewerLimitAppliesAtOnceAndKeepsTheTokensTaken() {
		RateLimiter limiter = createLimiter(WINDOW);
		for (int i = 0; i < 5; i++) {
			limiter.acquire(this.bucket, RateLimit.parse("5/m"), 0);
		}
		assertThat(limiter.acquire(this.bucket, RateLimit.parse("5/m"), 0).granted()).isFalse();
		Permit underNewLimit = limiter.acquire(this.bucket, RateLimit.parse("100/m"), 1);
		assertThat(underNewLimit.granted()).as("tokens taken under the old limit stay taken").isFalse();
		assertThat(underNewLimit.reserved()).as("the next token comes at the new pace, inside the window").isTrue();
		assertThat(underNewLimit.delay()).isLessThanOrEqualTo(WINDOW);
	}

}
