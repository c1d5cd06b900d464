package dev.celerity.worker;

import java.time.Duration;

/**
 * How the worker records what it runs.
 *
 * @param resultTimeToLive how long results and states are kept
 * @param trackStarted whether to store the {@code STARTED} state when a task begins
 * @param settleTimeout how long storing a state or settling a message is tried again while the broker or backend
 * cannot be reached (a connection being re-established), before the message is left to its lease
 */
public record RunnerSettings(Duration resultTimeToLive, boolean trackStarted, Duration settleTimeout) {

	/** The settle timeout unless one is given: the default publish timeout. */
	public static final Duration DEFAULT_SETTLE_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * Creates settings with the default settle timeout.
	 * @param resultTimeToLive how long results and states are kept
	 * @param trackStarted whether to store the {@code STARTED} state when a task begins
	 */
	public RunnerSettings(Duration resultTimeToLive, boolean trackStarted) {
		this(resultTimeToLive, trackStarted, DEFAULT_SETTLE_TIMEOUT);
	}

}
