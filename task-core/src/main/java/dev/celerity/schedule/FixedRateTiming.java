package dev.celerity.schedule;

import java.time.Duration;
import java.time.Instant;

import org.springframework.util.Assert;

/**
 * Ticks at a fixed rate. The ticks are whole multiples of the period since the epoch (a 30-second rate ticks at
 * :00 and :30 of every minute), so every instance computes the same ticks without sharing a start time.
 *
 * @param period the time between ticks, at least one millisecond
 * @param initialDelay how long after start-up the first tick may come at the earliest
 */
public record FixedRateTiming(Duration period, Duration initialDelay) implements Timing {

	public FixedRateTiming {
		Assert.isTrue(period != null && period.toMillis() >= 1, "Period must be at least one millisecond");
		Assert.isTrue(initialDelay != null && !initialDelay.isNegative(), "Initial delay must not be negative");
	}

	@Override
	public Instant next(Instant after) {
		long period = this.period.toMillis();
		return Instant.ofEpochMilli((Math.floorDiv(after.toEpochMilli(), period) + 1) * period);
	}

	@Override
	public Instant latest(Instant now) {
		long period = this.period.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), period) * period);
	}

	@Override
	public long count(Instant after, Instant upTo, long cap) {
		if (!upTo.isAfter(after)) {
			return 0;
		}
		long period = this.period.toMillis();
		long count = Math.floorDiv(upTo.toEpochMilli(), period) - Math.floorDiv(after.toEpochMilli(), period);
		return Math.min(count, cap);
	}

	@Override
	public String toString() {
		return "every " + this.period + ((this.initialDelay.isZero()) ? "" : " after " + this.initialDelay);
	}

}
