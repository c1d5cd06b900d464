package dev.celerity.schedule;

import dev.celerity.api.CelerityException;

/**
 * Thrown at start-up when a schedule cannot work: a bad cron, zone or duration, an unknown task, arguments the
 * task cannot take. The message names where the schedule was declared and the bad value.
 */
public class InvalidScheduleException extends CelerityException {

	private final ScheduleOrigin origin;

	private final String attribute;

	private final String value;

	/**
	 * Creates an exception.
	 * @param origin where the schedule was declared
	 * @param attribute the faulty attribute's canonical name
	 * @param value its value
	 * @param reason what is wrong with it
	 * @param cause the parsing error, may be {@code null}
	 */
	public InvalidScheduleException(ScheduleOrigin origin, String attribute, String value, String reason,
			Throwable cause) {
		super("Invalid " + origin.describe(attribute, value) + ": " + reason, cause);
		this.origin = origin;
		this.attribute = attribute;
		this.value = value;
	}

	/** @return where the schedule was declared */
	public ScheduleOrigin getOrigin() {
		return this.origin;
	}

	/** @return the faulty attribute as the user wrote it (annotation attribute or property path) */
	public String getAttribute() {
		return this.origin.attributeName(this.attribute);
	}

	/** @return the faulty value */
	public String getValue() {
		return this.value;
	}

}
