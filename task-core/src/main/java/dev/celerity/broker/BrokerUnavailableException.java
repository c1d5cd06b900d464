package dev.celerity.broker;

import dev.celerity.api.CelerityException;

/**
 * Thrown by a broker that cannot be reached for now (its connection is down or being re-established); the same
 * operation may succeed when tried again. Publishers retry it within their publish timeout.
 */
public class BrokerUnavailableException extends CelerityException {

	/**
	 * Creates an exception.
	 * @param message what could not be done
	 * @param cause the driver's failure
	 */
	public BrokerUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
