package dev.celerity.celery;

/**
 * Thrown for a message on a Celery queue that Celerity will not run (a pickle, YAML or msgpack payload, a protocol
 * it does not speak); the message goes to the queue's dead-letter store with this exception's message as reason.
 */
public class CeleryMessageRefusedException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param reason why the message is refused, naming what was found
	 */
	public CeleryMessageRefusedException(String reason) {
		super(reason);
	}

}
