package dev.celerity.ratelimit;

import java.time.Clock;
import java.util.Map;

import dev.celerity.message.TaskMessage;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.worker.Admission;
import dev.celerity.worker.AdmissionControl;

/**
 * Enforces rate limits in the worker: a task over its limit is handed back to the broker until Bucket4j says its
 * token is ready, without counting a retry and without holding a worker thread. A deferred message whose token was
 * reserved carries a header saying so, and runs without asking again when it comes back.
 */
public class RateLimitAdmission implements AdmissionControl {

	/** Header of a deferred message that holds a reserved token, valued with the attempt (retries) it is for. */
	public static final String RESERVED_HEADER = "celerity_rate_limit_reserved";

	private final RateLimits limits;

	private final RateLimiter limiter;

	private final RateLimitKeyResolver keys;

	private final Clock clock;

	/**
	 * Creates the admission control.
	 * @param limits the limits in force
	 * @param limiter the buckets
	 * @param keys resolves keyed limits
	 * @param clock the clock
	 */
	public RateLimitAdmission(RateLimits limits, RateLimiter limiter, RateLimitKeyResolver keys, Clock clock) {
		this.limits = limits;
		this.limiter = limiter;
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public Admission admit(TaskDefinition definition, TaskMessage message, Object[] arguments) {
		RateLimit limit = this.limits.limitOf(definition.name()).orElse(null);
		if (limit == null) {
			return Admission.ADMITTED;
		}
		String attempt = String.valueOf(message.headers().retries());
		if (attempt.equals(message.headers().extra().get(RESERVED_HEADER))) {
			return Admission.ADMITTED;
		}
		String key = this.keys.keyOf(definition, arguments);
		String bucket = (key != null) ? definition.name() + ":" + key : definition.name();
		Permit permit = this.limiter.acquire(bucket, limit, this.limits.versionOf(definition.name()));
		if (permit.granted()) {
			return Admission.ADMITTED;
		}
		Map<String, String> headers = permit.reserved() ? Map.of(RESERVED_HEADER, attempt) : Map.of();
		return Admission.deferUntil(this.clock.instant().plus(permit.delay()), headers,
				"rate limit " + limit + ((key != null) ? " for key '" + key + "'" : ""));
	}

}
