package dev.celerity.routing;

import dev.celerity.api.CelerityException;

/**
 * Thrown when a configured route is malformed: an empty or malformed glob, a blank queue, a priority outside 0-9.
 */
public class InvalidRouteException extends CelerityException {

	private final String pattern;

	private final String reason;

	/**
	 * Creates an exception.
	 * @param pattern the route's task name or glob
	 * @param reason what is wrong
	 */
	public InvalidRouteException(String pattern, String reason) {
		super("Invalid route '" + pattern + "': " + reason);
		this.pattern = pattern;
		this.reason = reason;
	}

	/** @return the route's task name or glob */
	public String getPattern() {
		return this.pattern;
	}

	/** @return what is wrong */
	public String getReason() {
		return this.reason;
	}

}
