package dev.celerity.message;

import dev.celerity.api.CelerityException;

/**
 * Thrown when bytes from a broker are not a valid task message.
 */
public class MessageDecodingException extends CelerityException {

	/**
	 * Creates an exception.
	 * @param message what was wrong
	 * @param cause the parser's error
	 */
	public MessageDecodingException(String message, Throwable cause) {
		super(message, cause);
	}

}
