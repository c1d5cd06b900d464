package dev.celerity.api;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a task may start, from its countdown and ETA.
 */
class TaskOptionsTests {

	private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

	@Test
	void countdownWinsOverAnEtaSetBeforeIt() {
		TaskOptions options = TaskOptions.none().withEta(NOW.plusSeconds(60)).withCountdown(Duration.ofSeconds(5));
		assertThat(options.readyAt(NOW)).isEqualTo(NOW.plusSeconds(5));
	}

	@Test
	void countdownWinsOverAnEtaSetAfterIt() {
		TaskOptions options = TaskOptions.none().withCountdown(Duration.ofSeconds(5)).withEta(NOW.plusSeconds(60));
		assertThat(options.readyAt(NOW)).isEqualTo(NOW.plusSeconds(5));
	}

	@Test
	void negativeCountdownMeansNowEvenWithAnEta() {
		TaskOptions options = TaskOptions.none().withCountdown(Duration.ofSeconds(-30)).withEta(NOW.plusSeconds(60));
		assertThat(options.readyAt(NOW)).isNull();
	}

	@Test
	void zeroCountdownMeansNow() {
		assertThat(TaskOptions.none().withCountdown(Duration.ZERO).readyAt(NOW)).isNull();
	}

	@Test
	void etaAloneIsTheStart() {
		assertThat(TaskOptions.none().withEta(NOW.plusSeconds(60)).readyAt(NOW)).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void nothingSetMeansNow() {
		assertThat(TaskOptions.none().readyAt(NOW)).isNull();
	}

}
