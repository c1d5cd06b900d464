package dev.celerity.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tick arithmetic of cron and fixed-rate timings.
 */
class TimingTests {

	private static final Instant NOW = Instant.parse("2030-03-15T10:17:42.250Z");

	@Test
	void fixedRateTicksAreAlignedToThePeriodSoEveryInstanceComputesTheSame() {
		FixedRateTiming timing = new FixedRateTiming(Duration.ofSeconds(30), Duration.ZERO);
		assertThat(timing.next(NOW)).isEqualTo(Instant.parse("2030-03-15T10:18:00Z"));
		assertThat(timing.latest(NOW)).isEqualTo(Instant.parse("2030-03-15T10:17:30Z"));
		assertThat(timing.next(Instant.parse("2030-03-15T10:18:00Z"))).isEqualTo(Instant.parse("2030-03-15T10:18:30Z"));
		assertThat(timing.latest(Instant.parse("2030-03-15T10:18:00Z"))).isEqualTo(Instant.parse("2030-03-15T10:18:00Z"));
	}

	@Test
	void fixedRateCountsTicksInAHalfOpenInterval() {
		FixedRateTiming timing = new FixedRateTiming(Duration.ofSeconds(10), Duration.ZERO);
		Instant from = Instant.parse("2030-03-15T10:00:00Z");
		assertThat(timing.count(from, from.plusSeconds(30), Long.MAX_VALUE)).isEqualTo(3);
		assertThat(timing.count(from, from.plusSeconds(29), Long.MAX_VALUE)).isEqualTo(2);
		assertThat(timing.count(from, from, Long.MAX_VALUE)).isZero();
		assertThat(timing.count(from, from.plusSeconds(3600), 100)).isEqualTo(100);
	}

	@Test
	void cronTicksFollowTheZoneAcrossADaylightSavingChange() {
		CronTiming timing = CronTiming.parse("0 30 2 * * *", ZoneId.of("Europe/Paris"));
		// 2030-03-31: clocks jump from 02:00 to 03:00 in Paris, so 02:30 does not exist that day.
		Instant tick = timing.next(Instant.parse("2030-03-30T12:00:00Z"));
		assertThat(tick).isEqualTo(Instant.parse("2030-04-01T00:30:00Z"));
	}

	@Test
	void cronLatestTickIsFoundForFrequentAndRareExpressions() {
		assertThat(CronTiming.parse("* * * * * *", ZoneOffset.UTC).latest(NOW))
			.isEqualTo(Instant.parse("2030-03-15T10:17:42Z"));
		assertThat(CronTiming.parse("0 */5 * * * *", ZoneOffset.UTC).latest(NOW))
			.isEqualTo(Instant.parse("2030-03-15T10:15:00Z"));
		assertThat(CronTiming.parse("@yearly", ZoneOffset.UTC).latest(NOW))
			.isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(CronTiming.parse("0 0 12 29 2 *", ZoneOffset.UTC).latest(NOW))
			.isEqualTo(Instant.parse("2028-02-29T12:00:00Z"));
	}

	@Test
	void cronCountsTicksUpToTheCap() {
		CronTiming timing = CronTiming.parse("0 * * * * *", ZoneOffset.UTC);
		Instant from = Instant.parse("2030-03-15T10:00:00Z");
		assertThat(timing.count(from, from.plusSeconds(600), Long.MAX_VALUE)).isEqualTo(10);
		assertThat(timing.count(from, from.plusSeconds(600), 4)).isEqualTo(4);
	}

}
