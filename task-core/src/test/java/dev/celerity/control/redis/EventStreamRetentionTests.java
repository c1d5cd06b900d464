package dev.celerity.control.redis;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many entries the event stream keeps as the events per entry vary.
 */
class EventStreamRetentionTests {

	@Test
	void singleEventEntriesKeepTheMaximumNumberOfEntries() {
		EventStreamRetention retention = new EventStreamRetention(10_000);
		assertThat(retention.entriesToKeep(1)).isEqualTo(10_000);
		assertThat(retention.entriesToKeep(1)).isEqualTo(10_000);
	}

	@Test
	void entriesOfManyEventsKeepAboutTheMaximumNumberOfEvents() {
		EventStreamRetention retention = new EventStreamRetention(10_000);
		long kept = IntStream.range(0, 200).mapToLong((i) -> retention.entriesToKeep(250)).reduce((a, b) -> b)
			.orElseThrow();
		assertThat(kept * 250).isBetween(9_500L, 10_500L);
	}

	@Test
	void aWriterThatTurnsBusyTrimsAtOnceAndOneThatTurnsIdleKeepsMoreEntriesGradually() {
		EventStreamRetention retention = new EventStreamRetention(10_000);
		long first = retention.entriesToKeep(256);
		assertThat(first).as("one large entry already shortens the stream").isLessThan(1_000);
		IntStream.range(0, 100).forEach((i) -> retention.entriesToKeep(256));
		long busy = retention.entriesToKeep(256);
		long idle = retention.entriesToKeep(1);
		assertThat(idle).isGreaterThan(busy).isLessThan(2 * busy);
	}

	@Test
	void keepsAtLeastOneEntry() {
		assertThat(new EventStreamRetention(1).entriesToKeep(256)).isOne();
		assertThat(new EventStreamRetention(0).entriesToKeep(1)).isOne();
	}

}
