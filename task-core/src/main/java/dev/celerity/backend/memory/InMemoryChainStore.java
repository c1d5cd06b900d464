package dev.celerity.backend.memory;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.celerity.backend.ChainStore;
import dev.celerity.message.SignatureSpec;

/**
 * The embedded chain store: one entry per chain in a Caffeine cache, holding the steps as they are (nothing is
 * encoded), expiring the time to live after it was written or last read.
 */
public class InMemoryChainStore implements ChainStore {

	private final Cache<String, StoredChain> chains = Caffeine.newBuilder()
		.expireAfter(Expiry.accessing((String id, StoredChain chain) -> chain.timeToLive))
		.build();

	@Override
	public void save(String chainId, List<SignatureSpec> steps, Duration timeToLive) {
		this.chains.put(chainId, new StoredChain(List.copyOf(steps), timeToLive));
	}

	@Override
	public SignatureSpec step(String chainId, int position, Duration timeToLive) {
		StoredChain chain = this.chains.getIfPresent(chainId);
		return (chain != null && position >= 0 && position < chain.steps.size()) ? chain.steps.get(position) : null;
	}

	@Override
	public List<SignatureSpec> steps(String chainId, int from) {
		StoredChain chain = this.chains.getIfPresent(chainId);
		if (chain == null || from >= chain.steps.size()) {
			return List.of();
		}
		return chain.steps.subList(Math.max(0, from), chain.steps.size());
	}

	@Override
	public void delete(String chainId) {
		this.chains.invalidate(chainId);
	}

	private record StoredChain(List<SignatureSpec> steps, Duration timeToLive) {

	}

}
