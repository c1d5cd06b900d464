package dev.celerity.routing;

import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * One configured route: a task name or a {@code *} glob, and the queue and/or priority its tasks get.
 *
 * <p>A glob's {@code *} matches any run of characters, dots included, and the pattern must match the whole task
 * name: {@code orders.*} matches {@code orders.charge} and {@code orders.refund.partial}, not {@code orders}.
 *
 * @param pattern an exact task name or a glob
 * @param queue the queue, or {@code null} to leave it to later sources
 * @param priority the priority 0-9, or {@code null} to leave it to later sources
 */
public record TaskRoute(String pattern, String queue, Integer priority) {

	private static final Pattern VALID = Pattern.compile("[^\\s?\\[\\]{}]+");

	public TaskRoute {
		String problem = problemWith(pattern);
		if (problem != null) {
			throw new InvalidRouteException(pattern, problem);
		}
		if (queue != null && queue.isBlank()) {
			throw new InvalidRouteException(pattern, "the queue must not be blank");
		}
		if (priority != null && (priority < 0 || priority > 9)) {
			throw new InvalidRouteException(pattern, "priority must be between 0 and 9, but was " + priority);
		}
		Assert.isTrue(queue != null || priority != null, () -> "Route '" + pattern + "' sets neither queue nor priority");
	}

	/**
	 * Explains what is wrong with a pattern.
	 * @param pattern a task name or glob
	 * @return the problem, or {@code null} when the pattern is valid
	 */
	public static String problemWith(String pattern) {
		if (pattern == null || pattern.isEmpty()) {
			return "the task name or glob must not be empty";
		}
		if (!VALID.matcher(pattern).matches()) {
			return "only '*' is a wildcard; whitespace, '?', brackets and braces are not allowed";
		}
		if (pattern.contains("**")) {
			return "'**' is not a glob here: a single '*' already matches across dots";
		}
		return null;
	}

	/**
	 * Whether the pattern contains a {@code *}.
	 * @return {@code true} for a glob, {@code false} for an exact task name
	 */
	public boolean isGlob() {
		return this.pattern.indexOf('*') >= 0;
	}

	/**
	 * Whether a task name matches this route's pattern as a whole.
	 * @param taskName the task name
	 * @return {@code true} if it matches
	 */
	public boolean matches(String taskName) {
		return isGlob() ? compiled().matcher(taskName).matches() : this.pattern.equals(taskName);
	}

	Pattern compiled() {
		StringBuilder regex = new StringBuilder();
		for (String literal : this.pattern.split("\\*", -1)) {
			if (!regex.isEmpty()) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(literal));
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

}
