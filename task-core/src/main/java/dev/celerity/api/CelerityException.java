package dev.celerity.api;

/**
 * Base class of the exceptions Celerity throws.
 */
public class CelerityException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	public CelerityException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the cause
	 */
	public CelerityException(String message, Throwable cause) {
		super(message, cause);
	}

}
