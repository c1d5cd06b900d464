package dev.celerity.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.Assert;

/**
 * Ticks at the times a cron expression matches in a time zone.
 *
 * @param expression the cron expression
 * @param zone the zone the expression is read in
 */
public record CronTiming(CronExpression expression, ZoneId zone) implements Timing {

	private static final int MAX_DOUBLINGS = 45;

	public CronTiming {
		Assert.notNull(expression, "Expression must not be null");
		Assert.notNull(zone, "Zone must not be null");
	}

	/**
	 * Parses a cron expression.
	 * @param expression the expression, six fields or a macro
	 * @param zone the zone
	 * @return the timing
	 * @throws IllegalArgumentException if the expression is invalid
	 */
	public static CronTiming parse(String expression, ZoneId zone) {
		return new CronTiming(CronExpression.parse(expression), zone);
	}

	@Override
	public Instant next(Instant after) {
		ZonedDateTime next = this.expression.next(after.atZone(this.zone));
		return (next != null) ? next.toInstant() : null;
	}

	@Override
	public Instant latest(Instant now) {
		// A cron expression only looks forward: widen a window behind now until it holds a tick, then walk it.
		Duration window = Duration.ofSeconds(1);
		for (int i = 0; i < MAX_DOUBLINGS; i++) {
			Instant tick = next(now.minus(window));
			if (tick != null && !tick.isAfter(now)) {
				Instant following = next(tick);
				while (following != null && !following.isAfter(now)) {
					tick = following;
					following = next(tick);
				}
				return tick;
			}
			window = window.multipliedBy(2);
		}
		return null;
	}

	@Override
	public String toString() {
		return "cron '" + this.expression + "' in " + this.zone;
	}

}
