package dev.celerity.api;

/**
 * What a periodic schedule does with ticks that no instance enqueued in time (every instance was down, or a long
 * pause held the scheduler).
 */
public enum MissedTickPolicy {

	/** Use the application's configured policy ({@code celerity.beat.missed-ticks}). */
	DEFAULT,

	/** Drop the missed ticks and wait for the next one; each dropped run is logged. */
	SKIP,

	/** Enqueue the task once, at once, standing for all the ticks that were missed, then go on as usual. */
	RUN_ONCE

}
