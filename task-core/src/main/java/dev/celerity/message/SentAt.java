package dev.celerity.message;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Writes and reads the {@linkplain MessageHeaders#SENT_AT time a task was sent}, in exactly the ISO-8601 form of
 * {@link Instant#toString()} (UTC, fraction in groups of three digits as needed), without a formatter: every message
 * carries it and every attempt reads it, and a general formatter costs more than the rest of a no-op task's headers.
 */
public final class SentAt {

	private static final int MAX_FAST_YEAR = 9999;

	private SentAt() {
	}

	/**
	 * Writes an instant as {@link Instant#toString()} does.
	 * @param instant the instant
	 * @return its ISO-8601 text
	 */
	public static String format(Instant instant) {
		LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
		int year = time.getYear();
		if (year < 0 || year > MAX_FAST_YEAR) {
			return instant.toString();
		}
		StringBuilder text = new StringBuilder(30);
		digits(text, year, 4).append('-');
		digits(text, time.getMonthValue(), 2).append('-');
		digits(text, time.getDayOfMonth(), 2).append('T');
		digits(text, time.getHour(), 2).append(':');
		digits(text, time.getMinute(), 2).append(':');
		digits(text, time.getSecond(), 2);
		int nanos = instant.getNano();
		if (nanos > 0) {
			text.append('.');
			if (nanos % 1_000_000 == 0) {
				digits(text, nanos / 1_000_000, 3);
			}
			else if (nanos % 1_000 == 0) {
				digits(text, nanos / 1_000, 6);
			}
			else {
				digits(text, nanos, 9);
			}
		}
		return text.append('Z').toString();
	}

	/**
	 * Reads an instant written by {@link #format(Instant)} or {@link Instant#toString()}; any other ISO-8601 instant
	 * is read by {@link Instant#parse(CharSequence)}.
	 * @param text the text
	 * @return the instant, or {@code null} if the text is not an instant
	 */
	public static Instant parse(String text) {
		Instant fast = parseFast(text);
		if (fast != null) {
			return fast;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Reads {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}.
	 * @return the instant, or {@code null} if the text has another form
	 */
	private static Instant parseFast(String text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
			return null;
		}
		int year = number(text, 0, 4);
		int month = number(text, 5, 7);
		int day = number(text, 8, 10);
		int hour = number(text, 11, 13);
		int minute = number(text, 14, 16);
		int second = number(text, 17, 19);
		int nanos = 0;
		if (length > 20) {
			int digits = length - 21;
			if (text.charAt(19) != '.' || digits < 1) {
				return null;
			}
			nanos = number(text, 20, length - 1);
			for (int i = digits; i < 9 && nanos >= 0; i++) {
				nanos *= 10;
			}
		}
		else if (text.charAt(19) != 'Z') {
			return null;
		}
		if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
			return null;
		}
		try {
			long days = LocalDate.of(year, month, day).toEpochDay();
			return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * Reads the decimal digits from {@code start} (inclusive) to {@code end} (exclusive).
	 * @return the number, or {@code -1} if a character is not a digit
	 */
	private static int number(String text, int start, int end) {
		int value = 0;
		for (int i = start; i < end; i++) {
			int digit = text.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private static StringBuilder digits(StringBuilder text, int value, int width) {
		int divisor = 1;
		for (int i = 1; i < width; i++) {
			divisor *= 10;
		}
		for (; divisor > 0; divisor /= 10) {
			text.append((char) ('0' + (value / divisor) % 10));
		}
		return text;
	}

}
