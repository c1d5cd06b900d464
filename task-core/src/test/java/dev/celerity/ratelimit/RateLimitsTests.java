package dev.celerity.ratelimit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit in force: run-time change over configuration over annotation.
 */
class RateLimitsTests {

	private final RateLimits limits = new RateLimits((task) -> null, List::of, Map.of("api.call", RateLimit.parse("10/s")),
			new LocalRateLimitChannel());

	@Test
	void aConfiguredLimitBeatsTheDeclaredOne() {
		RateLimits declaredToo = new RateLimits((task) -> RateLimit.parse("100/s"), () -> List.of("api.call", "other"),
				Map.of("api.call", RateLimit.parse("10/s")), new LocalRateLimitChannel());
		assertThat(declaredToo.limitOf("api.call")).contains(RateLimit.parse("10/s"));
		assertThat(declaredToo.limitOf("other")).contains(RateLimit.parse("100/s"));
		assertThat(declaredToo.all()).containsOnlyKeys("api.call", "other");
	}

	@Test
	void aRunTimeChangeBeatsTheConfiguredLimitAndCarriesANewVersion() {
		assertThat(this.limits.limitOf("api.call")).contains(RateLimit.parse("10/s"));
		assertThat(this.limits.versionOf("api.call")).isZero();
		this.limits.update("api.call", "2/m");
		assertThat(this.limits.limitOf("api.call")).contains(RateLimit.parse("2/m"));
		assertThat(this.limits.versionOf("api.call")).isEqualTo(1);
	}

	@Test
	void removingALimitLetsTheTaskRunUnlimited() {
		this.limits.remove("api.call");
		assertThat(this.limits.limitOf("api.call")).isEmpty();
		assertThat(this.limits.all()).isEmpty();
	}

}
