package dev.celerity.ratelimit;

import dev.celerity.api.CelerityException;

/**
 * Thrown when a rate limit is not of the form {@code N/s}, {@code N/m}, {@code N/h} or {@code N}.
 */
public class InvalidRateLimitException extends CelerityException {

	private final String value;

	/**
	 * Creates an exception.
	 * @param value the rejected text
	 * @param reason why it was rejected
	 */
	public InvalidRateLimitException(String value, String reason) {
		super("Invalid rate limit '" + value + "': " + reason);
		this.value = value;
	}

	/** @return the rejected text */
	public String getValue() {
		return this.value;
	}

}
