package dev.celerity.registry;

import dev.celerity.api.CelerityException;

/**
 * Thrown when two task methods claim the same task name.
 */
public class DuplicateTaskNameException extends CelerityException {

	/**
	 * Creates an exception naming both methods.
	 * @param name the contested name
	 * @param existing the method registered first
	 * @param duplicate the method registered second
	 */
	public DuplicateTaskNameException(String name, String existing, String duplicate) {
		super("Task name '" + name + "' is used by both " + existing + " and " + duplicate
				+ "; give one of them a distinct @Task(name = ...)");
	}

}
