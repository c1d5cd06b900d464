package dev.celerity.backend;

import java.time.Duration;
import java.util.List;

import dev.celerity.message.SignatureSpec;

/**
 * The chain store that keeps nothing ({@link ChainStore#none()}).
 */
final class NoChainStore implements ChainStore {

	static final NoChainStore INSTANCE = new NoChainStore();

	private NoChainStore() {
	}

	@Override
	public void save(String chainId, List<SignatureSpec> steps, Duration timeToLive) {
		throw new UnsupportedOperationException("This application keeps no chains: every chain travels inline");
	}

	@Override
	public SignatureSpec step(String chainId, int position, Duration timeToLive) {
		return null;
	}

	@Override
	public List<SignatureSpec> steps(String chainId, int from) {
		return List.of();
	}

	@Override
	public void delete(String chainId) {
	}

	@Override
	public boolean keepsChains() {
		return false;
	}

}
