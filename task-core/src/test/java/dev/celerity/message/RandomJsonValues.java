package dev.celerity.message;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the values a message or a result may carry, for comparing the streaming formats with the mapper: text
 * with escapes and characters outside ASCII, every number type, nested lists and maps, and values the streaming
 * writer hands to the mapper (records, sets, maps with other keys, big numbers).
 */
public final class RandomJsonValues {

	private final Random random;

	/**
	 * Creates a generator.
	 * @param random the source of randomness
	 */
	public RandomJsonValues(Random random) {
		this.random = random;
	}

	public List<Object> values() {
		List<Object> values = new ArrayList<>();
		for (int i = this.random.nextInt(4); i > 0; i--) {
			values.add(value(0));
		}
		return values;
	}

	public Map<String, Object> object() {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = this.random.nextInt(3); i > 0; i--) {
			object.put(text(), value(1));
		}
		return object;
	}

	public Object value(int depth) {
		int kind = this.random.nextInt((depth < 3) ? 16 : 12);
		return switch (kind) {
			case 0 -> null;
			case 1 -> text();
			case 2 -> this.random.nextInt();
			case 3 -> this.random.nextLong();
			case 4 -> this.random.nextBoolean();
			case 5 -> List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300, 0.1).get(this.random.nextInt(5));
			case 6 -> this.random.nextDouble() * 1e6;
			case 7 -> new BigInteger("123456789012345678901234567890");
			case 8 -> new BigDecimal("3.14159265358979323846");
			case 9 -> new Point(this.random.nextInt(), text());
			case 10 -> 1.5f;
			case 11 -> new LinkedHashSet<>(List.of("a", "b"));
			case 12 -> Map.of(1, "integer key");
			case 13 -> Arrays.asList(value(depth + 1), value(depth + 1));
			default -> {
				Map<String, Object> map = new LinkedHashMap<>();
				map.put(text(), value(depth + 1));
				map.put(text(), value(depth + 1));
				yield map;
			}
		};
	}

	public String text() {
		String[] pieces = { "", "a", "tasks.add", "\"quoted\"", "back\\slash", "line\nbreak", "\u0001", "é", "\u00ff",
				"日本", "\uD83D\uDE00", " ", "9", "null", "{\"json\":1}" };
		StringBuilder text = new StringBuilder();
		for (int i = this.random.nextInt(4); i > 0; i--) {
			text.append(pieces[this.random.nextInt(pieces.length)]);
		}
		return text.toString();
	}

	public Instant instant() {
		return Instant.ofEpochSecond(this.random.nextInt(2_000_000_000), this.random.nextInt(4) * 250_000_000L
				+ ((this.random.nextBoolean()) ? this.random.nextInt(1_000_000_000) % 1000 : 0));
	}

	/**
	 * A record the streaming writer hands to the mapper.
	 * @param x a number
	 * @param label a text
	 */
	public record Point(int x, String label) {
	}

}
