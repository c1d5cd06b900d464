package dev.celerity.events;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each event to several listeners in order; a failing listener is logged and never stops the others or the
 * task.
 */
public class CompositeTaskEventListener implements TaskEventListener {

	private static final Logger logger = LoggerFactory.getLogger(CompositeTaskEventListener.class);

	private volatile List<TaskEventListener> listeners;

	/**
	 * Creates a composite.
	 * @param listeners the listeners, in order
	 */
	public CompositeTaskEventListener(List<TaskEventListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Adds listeners after the existing ones (listeners that exist only once the application has started).
	 * @param more the listeners to add
	 */
	public synchronized void addAll(List<TaskEventListener> more) {
		this.listeners = java.util.stream.Stream.concat(this.listeners.stream(), more.stream()).toList();
	}

	@Override
	public void onEvent(TaskEvent event) {
		for (TaskEventListener listener : this.listeners) {
			try {
				listener.onEvent(event);
			}
			catch (RuntimeException ex) {
				logger.warn("Task event listener {} failed on {}", listener, event, ex);
			}
		}
	}

}
