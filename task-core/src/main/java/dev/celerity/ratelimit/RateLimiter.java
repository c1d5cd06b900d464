package dev.celerity.ratelimit;

/**
 * Takes tokens from rate-limit buckets (Bucket4j: local or cluster-wide). Never blocks.
 */
public interface RateLimiter {

	/**
	 * Asks for one start.
	 * @param bucket the bucket's name (task name, plus the key for keyed limits)
	 * @param limit the limit in force
	 * @param version the limit's version; a bucket built for an older one is reconfigured, keeping the tokens taken
	 * @return granted, reserved after a wait, or refused for a wait
	 */
	Permit acquire(String bucket, RateLimit limit, long version);

}
