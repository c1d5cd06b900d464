package dev.celerity.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A Celerity configuration property whose value cannot work, found at start-up; it carries the property path, the
 * bad value and what to do, which {@link InvalidCelerityPropertyFailureAnalyzer} reports.
 */
public class InvalidCelerityPropertyException extends RuntimeException {

	private final String property;

	private final @Nullable Object value;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the property path, as the user writes it ({@code celerity.worker.concurrency})
	 * @param value the bad value
	 * @param reason why it cannot work
	 * @param action what to change
	 */
	public InvalidCelerityPropertyException(String property, @Nullable Object value, String reason, String action) {
		super("Invalid value '" + value + "' of property '" + property + "': " + reason);
		this.property = property;
		this.value = value;
		this.action = action;
	}

	/**
	 * Returns the property path.
	 * @return the path
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Returns the bad value.
	 * @return the value
	 */
	public @Nullable Object getValue() {
		return this.value;
	}

	/**
	 * Returns what to change.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
