package dev.celerity.control.memory;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.celerity.control.RevocationStore;

/**
 * Revoked task ids of one JVM, kept in Caffeine for a limited time.
 */
public class InMemoryRevocationStore implements RevocationStore {

	private final Cache<String, Boolean> revoked;

	/**
	 * Creates a store.
	 * @param timeToLive how long a revocation is remembered; it should outlast the longest countdown in use
	 */
	public InMemoryRevocationStore(Duration timeToLive) {
		this.revoked = Caffeine.newBuilder().expireAfterWrite(timeToLive).build();
	}

	@Override
	public void revoke(String taskId) {
		this.revoked.put(taskId, Boolean.TRUE);
	}

	@Override
	public boolean isRevoked(String taskId) {
		return this.revoked.getIfPresent(taskId) != null;
	}

}
