package dev.celerity.ratelimit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit: at most {@code permits} task starts per {@code period}.
 *
 * <p>A decimal count is kept exact with whole tokens over a longer period (Bucket4j buckets hold whole tokens):
 * {@code 0.5/s} is 1 start per 2 seconds, {@code 1.5/m} is 3 starts per 2 minutes.
 *
 * @param permits the number of starts allowed per period, at least 1
 * @param period the period
 */
public record RateLimit(long permits, Duration period) {

	private static final Pattern GRAMMAR = Pattern
		.compile("\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(?:/\\s*([smh]))?\\s*");

	private static final Duration[] UNITS = { Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(1) };

	private static final String[] UNIT_NAMES = { "h", "m", "s" };

	public RateLimit {
		if (permits < 1) {
			throw new InvalidRateLimitException(permits + "/" + period, "the number of permits must be at least 1");
		}
		if (period == null || period.isNegative() || period.isZero()) {
			throw new InvalidRateLimitException(permits + "/" + period, "the period must be positive");
		}
	}

	/**
	 * Parses {@code N/s}, {@code N/m}, {@code N/h} or a plain {@code N} (per second), where {@code N} is a positive
	 * whole or decimal number ({@code 10/m}, {@code 0.5/s}).
	 * @param text the rate limit
	 * @return the parsed limit
	 * @throws InvalidRateLimitException if the text is not of that form
	 */
	public static RateLimit parse(String text) {
		Matcher matcher = GRAMMAR.matcher((text != null) ? text : "");
		if (!matcher.matches()) {
			throw new InvalidRateLimitException(text, "expected N/s, N/m, N/h or a plain number per second");
		}
		BigDecimal count = new BigDecimal(matcher.group(1));
		if (count.signum() == 0) {
			throw new InvalidRateLimitException(text, "the number must be positive");
		}
		Duration unit = switch ((matcher.group(2) != null) ? matcher.group(2) : "s") {
			case "m" -> Duration.ofMinutes(1);
			case "h" -> Duration.ofHours(1);
			default -> Duration.ofSeconds(1);
		};
		try {
			return exact(count, unit);
		}
		catch (ArithmeticException ex) {
			throw new InvalidRateLimitException(text, "the number is too large or has too many decimals");
		}
	}

	/**
	 * Turns {@code count} per {@code unit} into whole permits over a whole number of units: count = p / q in lowest
	 * terms gives p permits per q units.
	 */
	private static RateLimit exact(BigDecimal count, Duration unit) {
		BigDecimal plain = count.stripTrailingZeros();
		if (plain.scale() < 0) {
			plain = plain.setScale(0);
		}
		BigInteger numerator = plain.unscaledValue();
		BigInteger denominator = BigInteger.TEN.pow(plain.scale());
		BigInteger gcd = numerator.gcd(denominator);
		long permits = numerator.divide(gcd).longValueExact();
		long units = denominator.divide(gcd).longValueExact();
		Duration period = unit.multipliedBy(units);
		period.toNanos(); // fails with ArithmeticException when too long to write back
		return new RateLimit(permits, period);
	}

	/**
	 * Writes the limit in the grammar {@link #parse} reads, in the largest unit that divides the period
	 * ({@code 0.5/s} for 1 per 2 seconds).
	 */
	@Override
	public String toString() {
		for (int i = 0; i < UNITS.length; i++) {
			Duration unit = UNITS[i];
			if (this.period.toNanos() % unit.toNanos() == 0 || i == UNITS.length - 1) {
				BigDecimal units = BigDecimal.valueOf(this.period.toNanos()).divide(BigDecimal.valueOf(unit.toNanos()));
				return count(units).stripTrailingZeros().toPlainString() + "/" + UNIT_NAMES[i];
			}
		}
		throw new IllegalStateException("unreachable");
	}

	private BigDecimal count(BigDecimal units) {
		BigDecimal permits = BigDecimal.valueOf(this.permits);
		try {
			return permits.divide(units);
		}
		catch (ArithmeticException ex) {
			// only a limit built in code, such as 1 per 3 seconds, has no exact decimal form
			return permits.divide(units, MathContext.DECIMAL64);
		}
	}

}
