package dev.celerity.backend.memory;

import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.celerity.backend.ChordProgress;
import dev.celerity.backend.ChordStore;

/**
 * The embedded chord counter: one entry per chord in a Caffeine cache that expires with the results, updated
 * under the entry's lock so that exactly one header task sees the header complete for the first time.
 */
public class InMemoryChordStore implements ChordStore {

	private final Cache<String, ChordEntry> chords = Caffeine.newBuilder()
		.expireAfter(Expiry.creating((String id, ChordEntry entry) -> entry.timeToLive))
		.build();

	@Override
	public ChordProgress complete(String chordId, int index, int size, Object result, Duration timeToLive) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("Header position " + index + " is outside a chord of " + size);
		}
		ChordEntry entry = this.chords.get(chordId, (id) -> new ChordEntry(size, timeToLive, false));
		synchronized (entry) {
			if (entry.failed) {
				return new ChordProgress(entry.done.cardinality(), size, true, List.of());
			}
			if (!entry.done.get(index)) {
				entry.done.set(index);
				entry.results[index] = result;
			}
			int completed = entry.done.cardinality();
			List<Object> results = (completed >= size) ? Arrays.asList(entry.results) : List.of();
			return new ChordProgress(completed, size, false, results);
		}
	}

	@Override
	public boolean fail(String chordId, Duration timeToLive) {
		boolean[] created = new boolean[1];
		ChordEntry entry = this.chords.get(chordId, (id) -> {
			created[0] = true;
			return new ChordEntry(0, timeToLive, true);
		});
		synchronized (entry) {
			boolean first = created[0] || !entry.failed;
			entry.failed = true;
			return first;
		}
	}

	private static final class ChordEntry {

		private final Object[] results;

		private final BitSet done;

		private final Duration timeToLive;

		private boolean failed;

		ChordEntry(int size, Duration timeToLive, boolean failed) {
			this.results = new Object[size];
			this.done = new BitSet(size);
			this.timeToLive = timeToLive;
			this.failed = failed;
		}

	}

}
