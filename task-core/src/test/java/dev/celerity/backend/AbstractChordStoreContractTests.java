package dev.celerity.backend;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract every {@link ChordStore} honours; each implementation's test extends this class.
 */
public abstract class AbstractChordStoreContractTests {

	protected static final Duration TTL = Duration.ofMinutes(1);

	/**
	 * Returns the store under test.
	 * @return the store
	 */
	protected abstract ChordStore store();

	private final String chordId = "chord-" + UUID.randomUUID();

	@Test
	void headerIsCompleteOnlyAfterTheLastTaskWithResultsInHeaderOrder() {
		assertThat(store().complete(this.chordId, 2, 3, "c", TTL).isComplete()).isFalse();
		assertThat(store().complete(this.chordId, 0, 3, 1, TTL).completed()).isEqualTo(2);
		ChordProgress last = store().complete(this.chordId, 1, 3, List.of("b"), TTL);
		assertThat(last.isComplete()).isTrue();
		assertThat(last.results()).containsExactly(1, List.of("b"), "c");
	}

	@Test
	void repeatedHeaderPositionIsCountedOnce() {
		store().complete(this.chordId, 0, 2, "a", TTL);
		ChordProgress repeated = store().complete(this.chordId, 0, 2, "a", TTL);
		assertThat(repeated.completed()).isEqualTo(1);
		assertThat(repeated.isComplete()).isFalse();
	}

	@Test
	void repeatedHeaderPositionKeepsItsFirstResult() {
		store().complete(this.chordId, 0, 2, "first", TTL);
		store().complete(this.chordId, 0, 2, "again", TTL);
		assertThat(store().complete(this.chordId, 1, 2, "b", TTL).results()).containsExactly("first", "b");
	}

	@Test
	void chordStateIsForgottenAfterItsTimeToLive() {
		Duration brief = Duration.ofMillis(100);
		store().complete(this.chordId, 0, 2, "a", brief);
		// each poll records position 1 again with the short time to live, so the poll interval must outlast it
		await().pollDelay(Duration.ofMillis(300))
			.pollInterval(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.until(() -> store().complete(this.chordId, 1, 2, "b", brief).completed() == 1);
	}

	@Test
	void failureIsForgottenAfterItsTimeToLive() {
		assertThat(store().fail(this.chordId, Duration.ofMillis(100))).isTrue();
		await().pollDelay(Duration.ofMillis(300))
			.pollInterval(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.until(() -> store().fail(this.chordId, Duration.ofMillis(100)));
	}

	@Test
	void nullResultsKeepTheirPlace() {
		store().complete(this.chordId, 1, 2, null, TTL);
		assertThat(store().complete(this.chordId, 0, 2, null, TTL).results()).hasSize(2).containsOnlyNulls();
	}

	@Test
	void failedChordNeverCompletesAndOnlyTheFirstFailureCounts() {
		store().complete(this.chordId, 0, 2, "a", TTL);
		assertThat(store().fail(this.chordId, TTL)).isTrue();
		assertThat(store().fail(this.chordId, TTL)).isFalse();
		ChordProgress progress = store().complete(this.chordId, 1, 2, "b", TTL);
		assertThat(progress.failed()).isTrue();
		assertThat(progress.isComplete()).isFalse();
	}

	@Test
	void failureBeforeAnyResultFailsTheChord() {
		assertThat(store().fail(this.chordId, TTL)).isTrue();
		assertThat(store().complete(this.chordId, 0, 1, "a", TTL).isComplete()).isFalse();
	}

	@Test
	void concurrentHeaderTasksCompleteTheChordExactlyOnce() throws Exception {
		int size = 200;
		AtomicInteger sawCompleteFirst = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < size; i++) {
				int index = i;
				futures.add(executor.submit(() -> {
					ChordProgress progress = store().complete(this.chordId, index, size, index, TTL);
					if (progress.isComplete() && progress.completed() == size) {
						sawCompleteFirst.incrementAndGet();
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(sawCompleteFirst).hasValue(1);
	}

}
