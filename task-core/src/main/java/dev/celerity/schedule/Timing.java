package dev.celerity.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * When a schedule ticks. Ticks are instants that every application instance computes alike, so that a tick can be
 * claimed by exactly one of them.
 */
public sealed interface Timing permits CronTiming, FixedRateTiming {

	/**
	 * Returns the first tick strictly after an instant.
	 * @param after the instant
	 * @return the tick, or {@code null} if there is none
	 */
	Instant next(Instant after);

	/**
	 * Returns the latest tick at or before an instant.
	 * @param now the instant
	 * @return the tick, or {@code null} if there is none
	 */
	Instant latest(Instant now);

	/**
	 * Counts the ticks in {@code (after, upTo]}, stopping at {@code cap}.
	 * @param after the exclusive start
	 * @param upTo the inclusive end
	 * @param cap the largest count worth computing
	 * @return the count, at most {@code cap}
	 */
	default long count(Instant after, Instant upTo, long cap) {
		long count = 0;
		Instant tick = next(after);
		while (tick != null && !tick.isAfter(upTo) && count < cap) {
			count++;
			tick = next(tick);
		}
		return count;
	}

	/**
	 * Returns how long after start-up the first tick may come at the earliest.
	 * @return the delay, zero unless set
	 */
	default Duration initialDelay() {
		return Duration.ZERO;
	}

}
