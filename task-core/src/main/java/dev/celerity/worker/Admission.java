package dev.celerity.worker;

import java.time.Instant;
import java.util.Map;

/**
 * What an {@link AdmissionControl} decided for one message: run it now, or hand it back to the broker until a later
 * time (without counting a retry).
 *
 * @param deferUntil when the message may be tried again, {@code null} to run it now
 * @param headers extra headers to add to the deferred message
 * @param reason why it was deferred, for events and logs
 */
public record Admission(Instant deferUntil, Map<String, String> headers, String reason) {

	/** Run the message now. */
	public static final Admission ADMITTED = new Admission(null, Map.of(), null);

	public Admission {
		headers = Map.copyOf(headers);
	}

	/**
	 * Defers a message.
	 * @param until when it may be tried again
	 * @param headers extra headers the deferred message carries
	 * @param reason why
	 * @return the decision
	 */
	public static Admission deferUntil(Instant until, Map<String, String> headers, String reason) {
		return new Admission(until, headers, reason);
	}

	/**
	 * Whether the message runs now.
	 * @return {@code true} when admitted
	 */
	public boolean admitted() {
		return this.deferUntil == null;
	}

}
