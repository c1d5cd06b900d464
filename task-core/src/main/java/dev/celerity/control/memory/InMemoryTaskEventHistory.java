package dev.celerity.control.memory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import dev.celerity.control.RecordedTaskEvent;
import dev.celerity.control.TaskEventHistory;
import dev.celerity.control.TaskEventPage;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventFields;
import dev.celerity.events.TaskEventListener;

/**
 * The event history of one JVM (the embedded broker): the latest events in a bounded buffer, one entry per event,
 * lost when the JVM stops like everything else the embedded broker holds.
 */
public class InMemoryTaskEventHistory implements TaskEventHistory, TaskEventListener {

	private final Deque<RecordedTaskEvent> events = new ArrayDeque<>();

	private final int maxEvents;

	private final String instance;

	private final Clock clock;

	private long lastMillis;

	private long sequence;

	/**
	 * Creates the history.
	 * @param maxEvents how many events it keeps
	 * @param instance the id of this instance
	 * @param clock the clock events are timed by
	 */
	public InMemoryTaskEventHistory(int maxEvents, String instance, Clock clock) {
		this.maxEvents = Math.max(1, maxEvents);
		this.instance = instance;
		this.clock = clock;
	}

	@Override
	public synchronized void onEvent(TaskEvent event) {
		long millis = Math.max(this.clock.millis(), this.lastMillis);
		this.sequence = (millis == this.lastMillis) ? this.sequence + 1 : 0;
		this.lastMillis = millis;
		this.events.addLast(new RecordedTaskEvent(millis + "-" + this.sequence, this.instance,
				TaskEventFields.of(event, millis)));
		if (this.events.size() > this.maxEvents) {
			this.events.removeFirst();
		}
	}

	@Override
	public synchronized TaskEventPage older(String before, long notBeforeMillis, int maxEntries) {
		List<RecordedTaskEvent> page = new ArrayList<>();
		Iterator<RecordedTaskEvent> newestFirst = this.events.descendingIterator();
		boolean end = true;
		while (newestFirst.hasNext()) {
			RecordedTaskEvent event = newestFirst.next();
			if (before != null && compare(event.cursor(), before) >= 0) {
				continue;
			}
			if (event.at() < notBeforeMillis) {
				break;
			}
			if (page.size() == maxEntries) {
				end = false;
				break;
			}
			page.add(event);
		}
		return page(page, end);
	}

	@Override
	public synchronized TaskEventPage newer(String after, int maxEntries) {
		List<RecordedTaskEvent> page = new ArrayList<>();
		boolean end = true;
		for (RecordedTaskEvent event : this.events) {
			if (after != null && compare(event.cursor(), after) <= 0) {
				continue;
			}
			if (page.size() == maxEntries) {
				end = false;
				break;
			}
			page.add(event);
		}
		return page(page, end);
	}

	private static TaskEventPage page(List<RecordedTaskEvent> events, boolean end) {
		return new TaskEventPage(events, events.isEmpty() ? null : events.get(events.size() - 1).cursor(), end);
	}

	static int compare(String cursor, String other) {
		int dash = cursor.indexOf('-');
		int otherDash = other.indexOf('-');
		int byTime = Long.compare(Long.parseLong(cursor.substring(0, dash)),
				Long.parseLong(other.substring(0, otherDash)));
		return (byTime != 0) ? byTime : Long.compare(Long.parseLong(cursor.substring(dash + 1)),
				Long.parseLong(other.substring(otherDash + 1)));
	}

}
