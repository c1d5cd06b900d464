package dev.celerity.message;

import dev.celerity.api.CelerityException;

/**
 * Thrown when a message's arguments cannot be bound to the task method's parameters.
 */
public class ArgumentBindingException extends CelerityException {

	/**
	 * Creates an exception.
	 * @param message what did not fit
	 * @param cause the conversion error, may be {@code null}
	 */
	public ArgumentBindingException(String message, Throwable cause) {
		super(message, cause);
	}

}
