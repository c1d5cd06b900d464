package dev.celerity.autoconfigure.redis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.env.Environment;

/**
 * Decides whether Celerity runs on Redis, and says why: {@code celerity.broker.type=redis}, or {@code auto} (the
 * default) with a Redis connection configured explicitly.
 */
final class RedisBrokerSelection {

	static final String TYPE_PROPERTY = "celerity.broker.type";

	private static final List<String> EXPLICIT_REDIS_PROPERTIES = List.of("spring.data.redis.url",
			"spring.data.redis.host", "spring.data.redis.sentinel.master", "spring.data.redis.sentinel.nodes",
			"spring.data.redis.cluster.nodes", "spring.data.redis.masterreplica.nodes");

	private RedisBrokerSelection() {
	}

	/**
	 * Returns why Redis is chosen, or nothing if it is not.
	 * @param environment the environment
	 * @return the reason
	 */
	static Optional<String> reason(Environment environment) {
		String type = environment.getProperty(TYPE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
		if (type.equals("redis")) {
			return Optional.of(TYPE_PROPERTY + "=redis");
		}
		if (!type.equals("auto")) {
			return Optional.empty();
		}
		return EXPLICIT_REDIS_PROPERTIES.stream()
			.filter((property) -> isSet(environment, property))
			.findFirst()
			.map((property) -> TYPE_PROPERTY + "=auto and " + property + " is set");
	}

	// a list given in YAML list syntax is stored element by element: nodes[0], nodes[1] ...
	private static boolean isSet(Environment environment, String property) {
		return environment.containsProperty(property) || environment.containsProperty(property + "[0]");
	}

	/**
	 * Tells whether Redis was asked for by name, so that its absence is an error rather than a fallback.
	 * @param environment the environment
	 * @return whether {@code celerity.broker.type=redis}
	 */
	static boolean required(Environment environment) {
		return "redis".equalsIgnoreCase(environment.getProperty(TYPE_PROPERTY, "auto").trim());
	}

}
