package dev.celerity.autoconfigure.dashboard;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.celerity.control.RecordedTaskEvent;
import dev.celerity.control.TaskEventHistory;
import dev.celerity.control.TaskEventPage;

/**
 * Follows the event history forward and keeps what the overview, rate limit and schedule pages show: the last hour's
 * {@link ActivitySeries}, deferrals per task and the latest task id per task name. It starts by reading the last
 * hour backwards (bounded), so a restarted dashboard shows the same charts; memory stays bounded by the number of
 * task names.
 */
class ActivityTracker {

	private static final int ENTRIES_PER_READ = 500;

	private static final int MAX_TASK_NAMES = 10_000;

	private final TaskEventHistory history;

	private final Clock clock;

	private final int backfillLimit;

	private final ActivitySeries series = new ActivitySeries();

	private final Map<String, Long> deferrals = new LinkedHashMap<>();

	private final Map<String, String> latestTask = new LinkedHashMap<>();

	private String cursor;

	private boolean started;

	private boolean backfilling;

	ActivityTracker(TaskEventHistory history, Clock clock, int backfillLimit) {
		this.history = history;
		this.clock = clock;
		this.backfillLimit = backfillLimit;
	}

	/**
	 * Reads what was appended since the last call (the last hour on the first call).
	 * @return how many events were read
	 */
	synchronized int catchUp() {
		if (!this.started) {
			// a failed read-back (Redis away) is tried again on the next call
			int read = backfill();
			this.started = true;
			return read;
		}
		int read = 0;
		while (true) {
			TaskEventPage page = this.history.newer(this.cursor, ENTRIES_PER_READ);
			page.events().forEach(this::count);
			read += page.events().size();
			this.cursor = (page.last() != null) ? page.last() : this.cursor;
			if (page.end() || read >= this.backfillLimit) {
				return read;
			}
		}
	}

	private int backfill() {
		long hourAgo = this.clock.millis() - ActivitySeries.SECONDS * 1000L;
		String before = null;
		int read = 0;
		this.backfilling = true;
		this.cursor = null;
		while (read < this.backfillLimit) {
			TaskEventPage page = this.history.older(before, hourAgo, ENTRIES_PER_READ);
			if (this.cursor == null && !page.events().isEmpty()) {
				this.cursor = page.events().get(0).cursor();
			}
			// newest first: the first name met is the latest task of that name
			page.events().forEach(this::count);
			read += page.events().size();
			before = page.last();
			if (page.end() || before == null) {
				break;
			}
		}
		this.backfilling = false;
		return read;
	}

	private void count(RecordedTaskEvent event) {
		this.series.add(event);
		String name = event.task();
		if (name == null || (this.latestTask.size() >= MAX_TASK_NAMES && !this.latestTask.containsKey(name))) {
			return;
		}
		if ("TaskPublished".equals(event.type())) {
			// forward reads replace it, the backwards backfill keeps the first (newest) it met
			if (this.backfilling) {
				this.latestTask.putIfAbsent(name, event.taskId());
			}
			else {
				this.latestTask.put(name, event.taskId());
			}
		}
		else if ("TaskDeferred".equals(event.type())) {
			this.deferrals.merge(name, 1L, Long::sum);
		}
	}

	ActivitySeries series() {
		return this.series;
	}

	synchronized Map<String, Long> deferrals() {
		return Map.copyOf(this.deferrals);
	}

	synchronized Map<String, String> latestTasks() {
		return Map.copyOf(this.latestTask);
	}

}
