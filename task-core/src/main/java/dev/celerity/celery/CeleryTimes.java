package dev.celerity.celery;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as Celery writes them: ISO-8601 with microseconds, {@code +00:00} in message headers (Python's
 * {@code isoformat()} of an aware time) and no offset in a result's {@code date_done} ({@code utcnow()}).
 */
final class CeleryTimes {

	private static final DateTimeFormatter AWARE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

	private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

	private CeleryTimes() {
	}

	static String format(Instant time) {
		return (time != null) ? AWARE.format(time.atOffset(ZoneOffset.UTC)) : null;
	}

	static String formatUtc(Instant time) {
		return (time != null) ? NAIVE.format(time.atOffset(ZoneOffset.UTC)) : null;
	}

	static Instant parse(Object value) {
		if (!(value instanceof String text) || text.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				// Celery writes naive times in UTC
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw new CeleryMessageRefusedException("Not an ISO-8601 time: '" + text + "'");
			}
		}
	}

}
