package dev.celerity.backend.memory;

import dev.celerity.backend.AbstractChainStoreContractTests;
import dev.celerity.backend.ChainStore;

/**
 * The chain store contract on the embedded store.
 */
class InMemoryChainStoreTests extends AbstractChainStoreContractTests {

	private final ChainStore store = new InMemoryChainStore();

	@Override
	protected ChainStore store() {
		return this.store;
	}

}
