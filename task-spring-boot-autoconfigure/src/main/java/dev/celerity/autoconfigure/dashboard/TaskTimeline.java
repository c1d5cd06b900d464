package dev.celerity.autoconfigure.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.celerity.control.RecordedTaskEvent;
import dev.celerity.control.TaskEventHistory;
import dev.celerity.control.TaskEventPage;

/**
 * Finds one task's events in the history: reading backwards from a time near its latest event (the tasks table
 * links with it) until its publication (retries and deferrals are not published again), so a task's page costs a small window of the history, not all of it.
 */
class TaskTimeline {

	private static final int MAX_ENTRIES_PER_READ = 200;

	// clocks of instances differ a little: read from somewhat after the hinted time
	private static final long HINT_SLACK_MILLIS = 60_000;

	// the publisher's instance may append the publication after the worker's first events: read a little further
	private static final int AFTER_PUBLICATION = 2_000;

	private final TaskEventHistory history;

	private final int scanLimit;

	TaskTimeline(TaskEventHistory history, int scanLimit) {
		this.history = history;
		this.scanLimit = scanLimit;
	}

	/**
	 * Returns a task's events, oldest first.
	 * @param taskId the task id
	 * @param near about when its latest event happened (epoch milliseconds), {@code null} to read from the newest
	 * @return its events found within the scan limit
	 */
	List<RecordedTaskEvent> events(String taskId, @Nullable Long near) {
		List<RecordedTaskEvent> found = new ArrayList<>();
		String before = (near != null) ? TaskEventHistory.cursorAt(near + HINT_SLACK_MILLIS) : null;
		ReadSize sizes = new ReadSize(MAX_ENTRIES_PER_READ);
		int scanned = 0;
		int sincePublished = -1;
		while (scanned < this.scanLimit) {
			TaskEventPage read = this.history.older(before, 0, sizes.next());
			for (RecordedTaskEvent event : read.events()) {
				scanned++;
				sincePublished = (sincePublished >= 0) ? sincePublished + 1 : sincePublished;
				if (taskId.equals(event.taskId())) {
					found.add(event);
					sincePublished = "TaskPublished".equals(event.type()) ? 0 : sincePublished;
				}
			}
			before = read.last();
			if (read.end() || before == null || sincePublished >= AFTER_PUBLICATION) {
				break;
			}
		}
		Collections.reverse(found);
		return found;
	}

	/**
	 * Returns a task's publication event.
	 * @param taskId the task id
	 * @param near about when its latest event happened, {@code null} to read from the newest
	 * @return the event, if the history still has it
	 */
	Optional<RecordedTaskEvent> publication(String taskId, @Nullable Long near) {
		return events(taskId, near).stream().filter((event) -> "TaskPublished".equals(event.type())).findFirst();
	}

	/**
	 * Returns the tasks of one workflow as nodes of its graph: each task whose publication names the root (and the
	 * root itself), with its parent, its group and its latest state, read backwards from the newest event until the
	 * root's publication or the scan limit.
	 * @param rootId the id of the workflow's first task
	 * @return the nodes, in the order they were published
	 */
	List<Map<String, Object>> workflow(String rootId) {
		Map<String, String> latestState = new HashMap<>();
		List<Map<String, Object>> nodes = new ArrayList<>();
		String before = null;
		ReadSize sizes = new ReadSize(MAX_ENTRIES_PER_READ);
		int scanned = 0;
		int sinceRoot = -1;
		while (scanned < this.scanLimit) {
			TaskEventPage read = this.history.older(before, 0, sizes.next());
			for (RecordedTaskEvent event : read.events()) {
				scanned++;
				sinceRoot = (sinceRoot >= 0) ? sinceRoot + 1 : sinceRoot;
				String taskId = event.taskId();
				if (taskId == null) {
					continue;
				}
				// newest first: the first state seen of a task is its latest
				latestState.putIfAbsent(taskId, TaskStates.after(event.type()));
				if ("TaskPublished".equals(event.type())
						&& (rootId.equals(taskId) || rootId.equals(event.fields().get("root_id")))) {
					Map<String, Object> node = new LinkedHashMap<>();
					node.put("id", taskId);
					node.put("name", event.text("task"));
					node.put("parent", event.fields().get("parent_id"));
					node.put("group", event.fields().get("group"));
					node.put("state", latestState.get(taskId));
					nodes.add(node);
					sinceRoot = rootId.equals(taskId) ? 0 : sinceRoot;
				}
			}
			before = read.last();
			if (read.end() || before == null || sinceRoot >= AFTER_PUBLICATION) {
				break;
			}
		}
		Collections.reverse(nodes);
		return nodes;
	}

}
