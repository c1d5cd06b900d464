package dev.celerity.autoconfigure.dashboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.celerity.control.RecordedTaskEvent;
import dev.celerity.control.TaskEventHistory;
import dev.celerity.control.TaskEventPage;

/**
 * Pages through the tasks of the history, newest activity first, reading the event stream backwards a few entries
 * at a time and stopping as soon as a page is full: the first page costs a handful of reads however long the
 * history is.
 *
 * <p>A page's cursor is the position (entry and event within it) of the first task it did not show. The next page
 * starts there and leaves out the tasks that have events after it (found by reading a bounded window forward), so a
 * task is shown on the page of its latest event only.
 */
class TaskTable {

	private static final int MAX_ENTRIES_PER_READ = 100;

	// after a page is full, a little more is read so that its tasks' older events (arguments, worker) are found
	private static final int COMPLETION_EVENTS = 2_000;

	private static final int LOOKBEHIND_ENTRIES = 200;

	private final TaskEventHistory history;

	private final int scanLimit;

	TaskTable(TaskEventHistory history, int scanLimit) {
		this.history = history;
		this.scanLimit = scanLimit;
	}

	/**
	 * Reads one page.
	 * @param filter which tasks to show
	 * @param cursor where the page starts, {@code null} for the newest
	 * @param size how many tasks to show
	 * @return the page
	 */
	Page page(TaskFilter filter, @Nullable String cursor, int size) {
		Position start = (cursor != null) ? Position.parse(cursor) : null;
		Set<String> skip = (start != null) ? newerThan(start) : new HashSet<>();
		Map<String, TaskRowBuilder> rows = new LinkedHashMap<>();
		Map<String, Position> firstSeen = new LinkedHashMap<>();
		String before = (start != null) ? start.inclusiveBound()
				: (filter.to() != null) ? TaskEventHistory.cursorAt(filter.to()) : null;
		long notBefore = (filter.from() != null) ? filter.from() : 0;
		Set<String> matched = new HashSet<>();
		Set<String> changed = new HashSet<>();
		ReadSize sizes = new ReadSize(MAX_ENTRIES_PER_READ);
		int scanned = 0;
		int afterFull = -1;
		boolean end = false;
		while (scanned < this.scanLimit && (afterFull < 0 || afterFull < COMPLETION_EVENTS)) {
			TaskEventPage read = this.history.older(before, notBefore, sizes.next());
			int index = 0;
			String entry = null;
			for (RecordedTaskEvent event : read.events()) {
				index = event.cursor().equals(entry) ? index + 1 : 0;
				entry = event.cursor();
				if (start != null && entry.equals(start.entry()) && index < start.index()) {
					continue;
				}
				scanned++;
				afterFull = (afterFull >= 0) ? afterFull + 1 : afterFull;
				String id = event.taskId();
				if (id == null || skip.contains(id)) {
					continue;
				}
				rows.computeIfAbsent(id, TaskRowBuilder::new).add(event);
				firstSeen.putIfAbsent(id, new Position(entry, index));
				changed.add(id);
			}
			// only the tasks this read touched can have started or stopped matching
			for (String id : changed) {
				if (filter.matches(rows.get(id).build())) {
					matched.add(id);
				}
				else {
					matched.remove(id);
				}
			}
			changed.clear();
			if (afterFull < 0 && matched.size() > size) {
				afterFull = 0;
			}
			before = read.last();
			if (read.end() || before == null) {
				end = true;
				break;
			}
		}
		List<TaskRow> shown = matching(rows, filter, size + 1);
		String next = null;
		if (shown.size() > size) {
			next = firstSeen.get(shown.get(size).id()).toString();
			shown = shown.subList(0, size);
		}
		else if (!end) {
			// the scan limit was reached: the next page goes on from where this one stopped
			next = (before != null) ? new Position(before, Integer.MAX_VALUE).toString() : null;
		}
		return new Page(List.copyOf(shown), next, scanned);
	}

	private static List<TaskRow> matching(Map<String, TaskRowBuilder> rows, TaskFilter filter, int max) {
		List<TaskRow> matching = new ArrayList<>();
		for (TaskRowBuilder builder : rows.values()) {
			TaskRow row = builder.build();
			if (filter.matches(row)) {
				matching.add(row);
				if (matching.size() == max) {
					break;
				}
			}
		}
		return matching;
	}

	// the tasks with events after the start: shown on an earlier page, or left out there by the filter
	private Set<String> newerThan(Position start) {
		Set<String> ids = new HashSet<>();
		TaskEventPage newer = this.history.newer(start.entry(), LOOKBEHIND_ENTRIES);
		newer.events().forEach((event) -> ids.add(event.taskId()));
		TaskEventPage same = this.history.older(start.inclusiveBound(), 0, 1);
		int index = 0;
		for (RecordedTaskEvent event : same.events()) {
			if (index++ < start.index() && event.cursor().equals(start.entry())) {
				ids.add(event.taskId());
			}
		}
		return ids;
	}

	/**
	 * One page of tasks.
	 *
	 * @param tasks the tasks, newest activity first
	 * @param next the cursor of the next page, {@code null} when there is none
	 * @param scanned how many events were read
	 */
	record Page(List<TaskRow> tasks, @Nullable String next, int scanned) {
	}

	/**
	 * An event's place: its entry and its index among the entry's events, newest first.
	 */
	record Position(String entry, int index) {

		static Position parse(String cursor) {
			int tilde = cursor.lastIndexOf('~');
			try {
				String entry = (tilde > 0) ? cursor.substring(0, tilde) : cursor;
				int index = (tilde > 0) ? Integer.parseInt(cursor.substring(tilde + 1)) : 0;
				int dash = entry.indexOf('-');
				Long.parseLong(entry.substring(0, dash));
				Long.parseLong(entry.substring(dash + 1));
				return new Position(entry, index);
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("Malformed page cursor '" + cursor + "'", ex);
			}
		}

		// stream ids are whole numbers: the bound just after this entry takes it in and nothing newer
		String inclusiveBound() {
			int dash = this.entry.indexOf('-');
			return this.entry.substring(0, dash) + "-" + (Long.parseLong(this.entry.substring(dash + 1)) + 1);
		}

		@Override
		public String toString() {
			return this.entry + "~" + this.index;
		}

	}

}
