package dev.celerity.backend.memory;

import dev.celerity.backend.AbstractChordStoreContractTests;
import dev.celerity.backend.ChordStore;

/**
 * The chord store contract on the embedded store.
 */
class InMemoryChordStoreTests extends AbstractChordStoreContractTests {

	private final ChordStore store = new InMemoryChordStore();

	@Override
	protected ChordStore store() {
		return this.store;
	}

}
