package dev.celerity.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rate limit grammar: {@code N/s}, {@code N/m}, {@code N/h} or a plain {@code N} per second.
 */
class RateLimitTests {

	@Test
	void theThreeUnitsAndAPlainNumberParse() {
		assertThat(RateLimit.parse("100/m")).isEqualTo(new RateLimit(100, Duration.ofMinutes(1)));
		assertThat(RateLimit.parse("10/s")).isEqualTo(new RateLimit(10, Duration.ofSeconds(1)));
		assertThat(RateLimit.parse("1000/h")).isEqualTo(new RateLimit(1000, Duration.ofHours(1)));
		assertThat(RateLimit.parse("5")).isEqualTo(new RateLimit(5, Duration.ofSeconds(1)));
		assertThat(RateLimit.parse("100/m")).hasToString("100/m");
	}

	@Test
	void decimalCountsAreKeptExactWithWholeTokensOverALongerPeriod() {
		assertThat(RateLimit.parse("0.5/s")).isEqualTo(new RateLimit(1, Duration.ofSeconds(2)));
		assertThat(RateLimit.parse("1.5/m")).isEqualTo(new RateLimit(3, Duration.ofMinutes(2)));
		assertThat(RateLimit.parse("0.25")).isEqualTo(new RateLimit(1, Duration.ofSeconds(4)));
		assertThat(RateLimit.parse("2.50/h")).isEqualTo(new RateLimit(5, Duration.ofHours(2)));
		assertThat(RateLimit.parse("10.0/s")).isEqualTo(new RateLimit(10, Duration.ofSeconds(1)));
		assertThat(RateLimit.parse(".5/m")).isEqualTo(new RateLimit(1, Duration.ofMinutes(2)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.5/s", "1.5/m", "0.01/m", "0.6/m", "2.5/h", "100/m", "10/s", "1000/h" })
	void aLimitIsWrittenBackAsItWasParsed(String text) {
		assertThat(RateLimit.parse(text)).hasToString(text);
		assertThat(RateLimit.parse(RateLimit.parse(text).toString())).isEqualTo(RateLimit.parse(text));
	}

	@Test
	void aDecimalTooPreciseToKeepIsRejected() {
		assertThatExceptionOfType(InvalidRateLimitException.class)
			.isThrownBy(() -> RateLimit.parse("0.00000000000000000000001/h"))
			.withMessageContaining("too many decimals");
	}

	@ParameterizedTest
	@ValueSource(strings = { "10/d", "abc", "0/s", "", "-1/s", "10/", "0.0/s", "1.5.2/s", "-0.5/s", "1,5/s", "10 per second" })
	void anythingElseIsRejectedWithTheValue(String text) {
		assertThatExceptionOfType(InvalidRateLimitException.class).isThrownBy(() -> RateLimit.parse(text))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("Invalid rate limit"));
	}

}
