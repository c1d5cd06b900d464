package dev.celerity.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit: at most {@code permits} task starts per {@code period}.
 *
 * @param permits the number of starts allowed per period, at least 1
 * @param period the period
 */
public record RateLimit(long permits, Duration period) {

	private static final Pattern GRAMMAR = Pattern.compile("\\s*(\\d+)\\s*(?:/\\s*([smh]))?\\s*");

	public RateLimit {
		if (permits < 1) {
			throw new InvalidRateLimitException(permits + "/" + period, "the number of permits must be at least 1");
		}
	}

	/**
	 * Parses {@code N/s}, {@code N/m}, {@code N/h} or a plain {@code N} (per second).
	 * @param text the rate limit
	 * @return the parsed limit
	 * @throws InvalidRateLimitException if the text is not of that form
	 */
	public static RateLimit parse(String text) {
		Matcher matcher = GRAMMAR.matcher((text != null) ? text : "");
		if (!matcher.matches()) {
			throw new InvalidRateLimitException(text, "expected N/s, N/m, N/h or a plain number per second");
		}
		long permits;
		try {
			permits = Long.parseLong(matcher.group(1));
		}
		catch (NumberFormatException ex) {
			throw new InvalidRateLimitException(text, "the number is too large");
		}
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
		Duration period = switch (unit) {
			case "m" -> Duration.ofMinutes(1);
			case "h" -> Duration.ofHours(1);
			default -> Duration.ofSeconds(1);
		};
		return new RateLimit(permits, period);
	}

	@Override
	public String toString() {
		String unit = period.equals(Duration.ofHours(1)) ? "h" : period.equals(Duration.ofMinutes(1)) ? "m" : "s";
		return this.permits + "/" + unit;
	}

}
