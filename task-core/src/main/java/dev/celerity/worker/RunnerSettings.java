package dev.celerity.worker;

import java.time.Duration;

/**
 * How the worker records what it runs.
 *
 * @param resultTimeToLive how long results and states are kept
 * @param trackStarted whether to store the {@code STARTED} state when a task begins
 */
public record RunnerSettings(Duration resultTimeToLive, boolean trackStarted) {

}
