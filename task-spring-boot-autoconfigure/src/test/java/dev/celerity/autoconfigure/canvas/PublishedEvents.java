package dev.celerity.autoconfigure.canvas;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.context.event.EventListener;

import dev.celerity.events.TaskEvent;

/**
 * Records the published events, to count how often a workflow step was enqueued and where it went.
 */
public class PublishedEvents {

	private final Queue<TaskEvent.TaskPublished> published = new ConcurrentLinkedQueue<>();

	@EventListener
	void onPublished(TaskEvent.TaskPublished event) {
		this.published.add(event);
	}

	long count(String taskId) {
		return this.published.stream().filter((event) -> event.taskId().equals(taskId)).count();
	}

	long total() {
		return this.published.size();
	}

	Optional<TaskEvent.TaskPublished> find(String taskId) {
		return this.published.stream().filter((event) -> event.taskId().equals(taskId)).findFirst();
	}

}
