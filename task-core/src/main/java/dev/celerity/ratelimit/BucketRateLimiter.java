package dev.celerity.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A {@link RateLimiter} over Bucket4j buckets. A start that cannot have a token now reserves the next one if it is
 * due within the reservation window, and is deferred exactly until then; deferred tasks thus come back one by one at
 * the limit's pace instead of all at once. Beyond the window nothing is reserved and the task asks again when the
 * next token falls inside it.
 */
public abstract class BucketRateLimiter implements RateLimiter {

	private static final long MIN_RETRY_NANOS = Duration.ofMillis(10).toNanos();

	private final Duration maxReservation;

	/**
	 * Creates a limiter.
	 * @param maxReservation how far ahead a token may be reserved
	 */
	protected BucketRateLimiter(Duration maxReservation) {
		this.maxReservation = maxReservation;
	}

	@Override
	public Permit acquire(String bucketName, RateLimit limit, long version) {
		Bucket bucket = bucket(bucketName, configuration(limit), version);
		if (this.maxReservation.isZero()) {
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? Permit.GRANTED
					: new Permit(Duration.ofNanos(Math.max(MIN_RETRY_NANOS, probe.getNanosToWaitForRefill())), false);
		}
		WaitRecorder wait = new WaitRecorder();
		try {
			if (bucket.asBlocking().tryConsume(1, this.maxReservation.toNanos(), wait)) {
				return (wait.nanos > 0) ? new Permit(Duration.ofNanos(wait.nanos), true) : Permit.GRANTED;
			}
		}
		catch (InterruptedException ex) {
			// the recorder never parks, so this cannot happen; keep the flag for the caller
			Thread.currentThread().interrupt();
		}
		long untilDue = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return new Permit(Duration.ofNanos(Math.max(MIN_RETRY_NANOS, untilDue - this.maxReservation.toNanos())),
				false);
	}

	/**
	 * Returns the bucket of a name, reconfigured if it was built for an older version of the limit.
	 * @param name the bucket's name
	 * @param configuration the configuration of the limit in force
	 * @param version the limit's version
	 * @return the bucket
	 */
	protected abstract Bucket bucket(String name, BucketConfiguration configuration, long version);

	/**
	 * Returns the Bucket4j configuration of a limit: a burst of the whole limit, refilled greedily over the period.
	 * @param limit the limit
	 * @return the configuration
	 */
	public static BucketConfiguration configuration(RateLimit limit) {
		return BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(limit.permits()).refillGreedy(limit.permits(), limit.period()))
			.build();
	}

	/**
	 * A blocking strategy that does not block: it records how long Bucket4j asked to wait for the reserved token.
	 */
	private static final class WaitRecorder implements BlockingStrategy {

		private long nanos;

		@Override
		public void park(long nanosToPark) {
			this.nanos += nanosToPark;
		}

	}

}
