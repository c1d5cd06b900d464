package dev.celerity.autoconfigure.control;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.celerity.worker.AnnotatedTimeLimitPolicy;
import dev.celerity.worker.TimeLimitPolicy;
import dev.celerity.worker.TimeLimits;

/**
 * Builds the time-limit policy from {@code celerity.time-limits}.
 */
final class TimeLimitPolicies {

	private TimeLimitPolicies() {
	}

	static TimeLimitPolicy from(CelerityTimeLimitProperties properties) {
		Map<String, TimeLimits> byTask = new LinkedHashMap<>();
		properties.getTasks().forEach((name, limits) -> byTask.put(name, limits(name, limits)));
		return new AnnotatedTimeLimitPolicy(byTask, limits("default", properties.getSoft(), properties.getHard()));
	}

	private static TimeLimits limits(String name, CelerityTimeLimitProperties.Limits limits) {
		return limits(name, limits.getSoft(), limits.getHard());
	}

	private static TimeLimits limits(String name, java.time.Duration soft, java.time.Duration hard) {
		try {
			TimeLimits limits = new TimeLimits(soft, hard);
			if (limits.softAboveHard()) {
				throw new IllegalArgumentException(
						"soft limit " + soft + " must not be larger than the hard limit " + hard);
			}
			return limits;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid celerity.time-limits for " + name + ": " + ex.getMessage(), ex);
		}
	}

}
