package dev.celerity.schedule.redis;

import java.time.Instant;

import org.springframework.util.Assert;

import dev.celerity.redis.RedisKeys;

/**
 * Builds the keys of periodic schedules' tick claims: {@code <prefix>:beat:{<schedule>}:last} and
 * {@code <prefix>:beat:{<schedule>}:tick:<epoch millis>}, both tagged by the schedule so one script may touch them,
 * and the set of paused schedules, {@code <prefix>:beat:paused}.
 */
final class BeatKeys {

	private final RedisKeys keys;

	BeatKeys(String prefix) {
		this.keys = new RedisKeys(prefix);
	}

	String last(String schedule) {
		return this.keys.key("beat", tag(schedule), "last");
	}

	String tick(String schedule, Instant tick) {
		return this.keys.key("beat", tag(schedule), "tick", Long.toString(tick.toEpochMilli()));
	}

	String paused() {
		return this.keys.key("beat", "paused");
	}

	private static String tag(String schedule) {
		Assert.isTrue(schedule.indexOf('{') < 0 && schedule.indexOf('}') < 0,
				() -> "Schedule name must not contain braces, but was '" + schedule + "'");
		return RedisKeys.tag(schedule);
	}

}
