package dev.celerity.backend;

import java.time.Duration;
import java.util.List;

import dev.celerity.message.SignatureSpec;

/**
 * Keeps the steps of long chains once, when the chain starts, so that each message carries a reference to them
 * (a {@link dev.celerity.message.ChainRef}) instead of every remaining step: each hop reads only its next step.
 *
 * <p>A stored chain expires with the results; reading a step extends it by the time to live again, so a chain lives
 * as long as each of its steps starts within the time to live of the previous one. The task that runs the last step
 * deletes it, and so does a failure or revoke, after the remaining steps are settled.
 */
public interface ChainStore {

	/**
	 * Stores the steps of a chain, replacing any stored under the same id (a start repeated after a redelivery stores
	 * the same steps again).
	 * @param chainId the chain's id
	 * @param steps the steps, in the order they run
	 * @param timeToLive how long the chain is kept without being read
	 */
	void save(String chainId, List<SignatureSpec> steps, Duration timeToLive);

	/**
	 * Reads one step and keeps the chain for the time to live again.
	 * @param chainId the chain's id
	 * @param position the step's position, from 0
	 * @param timeToLive how long the chain is kept from now
	 * @return the step, or {@code null} if the chain has ended or expired
	 */
	SignatureSpec step(String chainId, int position, Duration timeToLive);

	/**
	 * Reads every step from a position on, at once.
	 * @param chainId the chain's id
	 * @param from the first position to read
	 * @return the steps in the order they run, empty if the chain has ended or expired
	 */
	List<SignatureSpec> steps(String chainId, int from);

	/**
	 * Deletes a chain; deleting one that is gone does nothing.
	 * @param chainId the chain's id
	 */
	void delete(String chainId);

	/**
	 * Returns whether this store keeps chains. Against one that does not, every chain travels inline in its
	 * messages, in Celery's own form.
	 * @return {@code true} unless this is {@link #none()}
	 */
	default boolean keepsChains() {
		return true;
	}

	/**
	 * Returns the store that keeps no chain, for applications whose messages other programs read (Python Celery
	 * workers know only the inline form): every chain travels inline, and a reference to a stored chain reads as
	 * one that has ended.
	 * @return the store
	 */
	static ChainStore none() {
		return NoChainStore.INSTANCE;
	}

}
