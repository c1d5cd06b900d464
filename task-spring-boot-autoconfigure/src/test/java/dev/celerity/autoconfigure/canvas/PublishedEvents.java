package dev.celerity.autoconfigure.canvas;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.context.event.EventListener;

import dev.celerity.events.TaskEvent;

/**
 * Records the ids of published tasks, to count how often a workflow step was enqueued.
 */
public class PublishedEvents {

	private final Queue<String> published = new ConcurrentLinkedQueue<>();

	@EventListener
	void onPublished(TaskEvent.TaskPublished event) {
		this.published.add(event.taskId());
	}

	long count(String taskId) {
		return this.published.stream().filter(taskId::equals).count();
	}

}
