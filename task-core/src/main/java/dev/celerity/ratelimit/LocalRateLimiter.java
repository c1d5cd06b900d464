package dev.celerity.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;

/**
 * Rate limiting within one JVM (the embedded broker): Bucket4j local buckets held in a bounded Caffeine cache that
 * forgets idle buckets.
 */
public class LocalRateLimiter extends BucketRateLimiter {

	private final Cache<String, VersionedBucket> buckets;

	/**
	 * Creates a limiter.
	 * @param maxReservation how far ahead a token may be reserved
	 * @param maxBuckets the most buckets kept (one per task, one per key of keyed limits)
	 * @param idleTimeout how long an unused bucket is kept
	 */
	public LocalRateLimiter(Duration maxReservation, long maxBuckets, Duration idleTimeout) {
		super(maxReservation);
		this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(idleTimeout).build();
	}

	@Override
	protected Bucket bucket(String name, BucketConfiguration configuration, long version) {
		VersionedBucket current = this.buckets.get(name,
				(key) -> new VersionedBucket(Bucket.builder().addLimit(configuration.getBandwidths()[0]).build(), version));
		if (current.version < version) {
			synchronized (current) {
				if (current.version < version) {
					current.bucket.replaceConfiguration(configuration, TokensInheritanceStrategy.AS_IS);
					current.version = version;
				}
			}
		}
		return current.bucket;
	}

	private static final class VersionedBucket {

		private final Bucket bucket;

		private volatile long version;

		VersionedBucket(Bucket bucket, long version) {
			this.bucket = bucket;
			this.version = version;
		}

	}

}
