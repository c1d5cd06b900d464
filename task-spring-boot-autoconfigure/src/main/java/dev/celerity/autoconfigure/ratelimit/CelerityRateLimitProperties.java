package dev.celerity.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits by task and how they are enforced, under the prefix {@code celerity}.
 */
@ConfigurationProperties("celerity")
public class CelerityRateLimitProperties {

	/**
	 * Rate limits by task name ('100/m', '10/s', '1000/h', or a plain number per second), beating the @Task
	 * rateLimit attribute.
	 */
	private Map<String, String> rateLimits = new LinkedHashMap<>();

	private final RateLimiting rateLimiting = new RateLimiting();

	public Map<String, String> getRateLimits() {
		return this.rateLimits;
	}

	public void setRateLimits(Map<String, String> rateLimits) {
		this.rateLimits = rateLimits;
	}

	public RateLimiting getRateLimiting() {
		return this.rateLimiting;
	}

	/**
	 * How rate limits are enforced.
	 */
	public static class RateLimiting {

		/**
		 * How far ahead a task over its limit may reserve a token; it is deferred until then and runs without asking
		 * again. Tasks beyond the window ask again once their token falls inside it.
		 */
		private Duration maxReservation = Duration.ofSeconds(5);

		/** The most local buckets kept (one per limited task, one per key of keyed limits). */
		private long maxLocalBuckets = 10_000;

		/** How long an unused local bucket is kept. */
		private Duration localBucketIdleTimeout = Duration.ofHours(1);

		/** How long a Redis bucket key lives after its bucket is full again (then it expires). */
		private Duration redisKeepAfterFull = Duration.ofMinutes(1);

		public Duration getMaxReservation() {
			return this.maxReservation;
		}

		public void setMaxReservation(Duration maxReservation) {
			this.maxReservation = maxReservation;
		}

		public long getMaxLocalBuckets() {
			return this.maxLocalBuckets;
		}

		public void setMaxLocalBuckets(long maxLocalBuckets) {
			this.maxLocalBuckets = maxLocalBuckets;
		}

		public Duration getLocalBucketIdleTimeout() {
			return this.localBucketIdleTimeout;
		}

		public void setLocalBucketIdleTimeout(Duration localBucketIdleTimeout) {
			this.localBucketIdleTimeout = localBucketIdleTimeout;
		}

		public Duration getRedisKeepAfterFull() {
			return this.redisKeepAfterFull;
		}

		public void setRedisKeepAfterFull(Duration redisKeepAfterFull) {
			this.redisKeepAfterFull = redisKeepAfterFull;
		}

	}

}
