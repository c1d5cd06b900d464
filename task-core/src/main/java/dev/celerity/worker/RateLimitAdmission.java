package dev.celerity.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.message.TaskMessage;
import dev.celerity.ratelimit.Permit;
import dev.celerity.ratelimit.RateLimit;
import dev.celerity.ratelimit.RateLimitKeyResolver;
import dev.celerity.ratelimit.RateLimiter;
import dev.celerity.ratelimit.RateLimits;
import dev.celerity.registry.TaskDefinition;

/**
 * Enforces rate limits in the worker: a task over its limit is handed back to the broker until Bucket4j says its
 * token is ready, without counting a retry and without holding a worker thread. A deferred message whose token was
 * reserved carries a header saying so, and runs without asking again when it comes back.
 */
public class RateLimitAdmission implements AdmissionControl {

	/** Header of a deferred message that holds a reserved token, valued with the attempt (retries) it is for. */
	public static final String RESERVED_HEADER = "celerity_rate_limit_reserved";

	private static final Logger logger = LoggerFactory.getLogger(RateLimitAdmission.class);

	private static final Duration UNAVAILABLE_DELAY = Duration.ofSeconds(1);

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
		String key = keyOf(definition, arguments);
		String bucket = (key != null) ? definition.name() + ":" + key : definition.name();
		Permit permit;
		try {
			permit = this.limiter.acquire(bucket, limit, this.limits.versionOf(definition.name()));
		}
		catch (RuntimeException ex) {
			// never run over a limit we cannot check: try again shortly, without holding the thread
			logger.warn("Rate limiter unavailable for task {}: {}; deferring it by {}", definition.name(), ex.toString(),
					UNAVAILABLE_DELAY);
			return Admission.deferUntil(this.clock.instant().plus(UNAVAILABLE_DELAY), Map.of(),
					"rate limiter unavailable");
		}
		if (permit.granted()) {
			return Admission.ADMITTED;
		}
		Map<String, String> headers = permit.reserved() ? Map.of(RESERVED_HEADER, attempt) : Map.of();
		return Admission.deferUntil(this.clock.instant().plus(permit.delay()), headers,
				"rate limit " + limit + ((key != null) ? " for key '" + key + "'" : ""));
	}

	private String keyOf(TaskDefinition definition, Object[] arguments) {
		try {
			return this.keys.keyOf(definition.name(), definition.rateLimitKey(), definition.method(), arguments);
		}
		catch (RuntimeException ex) {
			logger.warn("rateLimitKey '{}' of task {} failed on these arguments ({}); using the task-wide bucket",
					definition.rateLimitKey(), definition.name(), ex.toString());
			return null;
		}
	}

}
