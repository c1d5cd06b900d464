package dev.celerity.autoconfigure.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

}
