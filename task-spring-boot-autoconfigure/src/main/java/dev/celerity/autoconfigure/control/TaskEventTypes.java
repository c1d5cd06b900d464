package dev.celerity.autoconfigure.control;

import java.util.Arrays;
import java.util.List;

import dev.celerity.autoconfigure.InvalidCelerityPropertyException;
import dev.celerity.events.TaskEvent;

/**
 * The names of the task event types ({@code TaskPublished}, {@code TaskSucceeded}, ...) that configuration may list,
 * known without touching Redis, so that a misspelt one fails start-up on either broker.
 */
final class TaskEventTypes {

	static final List<String> NAMES = Arrays.stream(TaskEvent.class.getPermittedSubclasses())
		.map(Class::getSimpleName)
		.toList();

	private TaskEventTypes() {
	}

	/**
	 * Fails on the first name that is not an event type.
	 * @param property the path of the list
	 * @param names the listed names
	 * @throws InvalidCelerityPropertyException naming the element, as {@code property[index]}
	 */
	static void validate(String property, List<String> names) {
		for (int index = 0; index < names.size(); index++) {
			String name = names.get(index);
			if (!NAMES.contains(name)) {
				throw new InvalidCelerityPropertyException(property + "[" + index + "]", name,
						"it is not a task event type (names are case-sensitive)",
						"List only task event types, from " + String.join(", ", NAMES) + "; or remove " + property
								+ " to append every type.");
			}
		}
	}

}
