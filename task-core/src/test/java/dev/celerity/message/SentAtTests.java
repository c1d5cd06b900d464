package dev.celerity.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentAtTests {

	@Test
	void writesExactlyWhatInstantToStringWrites() {
		for (Instant instant : randomInstants(42)) {
			assertThat(SentAt.format(instant)).isEqualTo(instant.toString());
		}
	}

	@Test
	void readsBackWhatItWrites() {
		for (Instant instant : randomInstants(7)) {
			assertThat(SentAt.parse(SentAt.format(instant))).isEqualTo(instant);
		}
	}

	@Test
	void readsOtherIsoInstantsAsInstantParseDoes() {
		assertThat(SentAt.parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
		assertThat(SentAt.parse("2024-02-29T10:15:30+01:00")).isEqualTo(Instant.parse("2024-02-29T09:15:30Z"));
		assertThat(SentAt.parse("+12024-01-01T00:00:00Z")).isEqualTo(Instant.parse("+12024-01-01T00:00:00Z"));
	}

	@Test
	void readsNothingFromTextThatIsNoInstant() {
		assertThat(SentAt.parse("2023-02-29T10:15:30Z")).isNull();
		assertThat(SentAt.parse("2024-01-01T25:00:00Z")).isNull();
		assertThat(SentAt.parse("2024-01-01T10:15:3xZ")).isNull();
		assertThat(SentAt.parse("yesterday")).isNull();
	}

	private static List<Instant> randomInstants(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Instant> instants = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			instants.add(Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 300_000_000_000L), nanos(random, i)));
		}
		return instants;
	}

	private static int nanos(SplittableRandom random, int i) {
		return switch (i % 4) {
			case 0 -> 0;
			case 1 -> random.nextInt(1000) * 1_000_000;
			case 2 -> random.nextInt(1_000_000) * 1_000;
			default -> random.nextInt(1_000_000_000);
		};
	}

}
