package dev.celerity.publish;

import java.util.function.Predicate;

import dev.celerity.message.TaskMessage;

/**
 * Wraps the publishing of each task message, for example to observe it and carry the caller's trace context in the
 * message's headers.
 */
@FunctionalInterface
public interface PublishInterceptor {

	/** Publishes the message as it is. */
	PublishInterceptor NONE = (message, publisher) -> publisher.test(message);

	/**
	 * Publishes a message through {@code publisher}, possibly with added headers.
	 * @param message the message
	 * @param publisher stores the (possibly changed) message in the broker; returns whether it was stored
	 * @return what {@code publisher} returned
	 */
	boolean publish(TaskMessage message, Predicate<TaskMessage> publisher);

}
