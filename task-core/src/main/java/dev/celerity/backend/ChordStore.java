package dev.celerity.backend;

import java.time.Duration;

/**
 * Counts the header tasks of chords, so that a chord's body runs exactly once, when the last header task is done.
 * The decision is taken atomically by the store (a script on Redis, a lock in memory), never by a waiting thread.
 *
 * <p>Every operation is idempotent per header position: a header task that runs again after a redelivery records
 * the same position again without counting twice.
 */
public interface ChordStore {

	/**
	 * Records the result of one header task.
	 * @param chordId the chord's id (the id of its header group)
	 * @param index the header task's position in the header, from 0
	 * @param size how many tasks the header has
	 * @param result the header task's result as a JSON value
	 * @param timeToLive how long the chord's state is kept
	 * @return the chord's progress after this result, with every result once the header is complete
	 */
	ChordProgress complete(String chordId, int index, int size, Object result, Duration timeToLive);

	/**
	 * Marks a chord as failed: its body will never run.
	 * @param chordId the chord's id
	 * @param timeToLive how long the chord's state is kept
	 * @return {@code true} for the call that failed the chord, {@code false} if it had failed already
	 */
	boolean fail(String chordId, Duration timeToLive);

}
