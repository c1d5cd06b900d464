package dev.celerity.autoconfigure.dashboard;

import java.util.ArrayList;
import java.util.List;

import dev.celerity.control.RecordedTaskEvent;

/**
 * The last hour of the cluster's activity, second by second, in fixed arrays: succeeded, failed and retried tasks
 * and the pickup latency (from ready to start) of started ones. Its memory does not grow with the number of tasks.
 */
class ActivitySeries {

	static final int SECONDS = 3_600;

	private final long[] second = new long[SECONDS];

	private final long[] succeeded = new long[SECONDS];

	private final long[] failed = new long[SECONDS];

	private final long[] retried = new long[SECONDS];

	private final long[] pickupSum = new long[SECONDS];

	private final long[] pickupCount = new long[SECONDS];

	/**
	 * Counts an event of the last hour; older ones are ignored.
	 * @param event the event
	 */
	synchronized void add(RecordedTaskEvent event) {
		long at = event.at() / 1000;
		int slot = (int) Math.floorMod(at, SECONDS);
		if (this.second[slot] != at) {
			if (this.second[slot] > at) {
				return;
			}
			clear(slot, at);
		}
		switch (event.type()) {
			case "TaskSucceeded" -> this.succeeded[slot]++;
			case "TaskFailed" -> this.failed[slot]++;
			case "TaskRetried" -> this.retried[slot]++;
			case "TaskStarted" -> {
				if (event.fields().get("waited_ms") instanceof Number waited) {
					this.pickupSum[slot] += waited.longValue();
					this.pickupCount[slot]++;
				}
			}
			default -> {
			}
		}
	}

	/**
	 * Returns the last hour up to a time in points of some seconds each, oldest first.
	 * @param nowMillis the end of the hour
	 * @param step seconds per point
	 * @return per point: its start, succeeded, failed and retried per second, and the mean pickup in milliseconds
	 */
	synchronized List<Point> points(long nowMillis, int step) {
		long now = nowMillis / 1000;
		List<Point> points = new ArrayList<>();
		for (long start = now - SECONDS + 1; start <= now; start += step) {
			long ok = 0;
			long ko = 0;
			long again = 0;
			long waited = 0;
			long started = 0;
			for (long s = start; s < start + step && s <= now; s++) {
				int slot = (int) Math.floorMod(s, SECONDS);
				if (this.second[slot] == s) {
					ok += this.succeeded[slot];
					ko += this.failed[slot];
					again += this.retried[slot];
					waited += this.pickupSum[slot];
					started += this.pickupCount[slot];
				}
			}
			points.add(new Point(start * 1000, (double) ok / step, (double) ko / step, (double) again / step,
					(started > 0) ? (double) waited / started : null));
		}
		return points;
	}

	private void clear(int slot, long at) {
		this.second[slot] = at;
		this.succeeded[slot] = 0;
		this.failed[slot] = 0;
		this.retried[slot] = 0;
		this.pickupSum[slot] = 0;
		this.pickupCount[slot] = 0;
	}

	/**
	 * One point of the charts.
	 *
	 * @param at its start (epoch milliseconds)
	 * @param succeeded tasks succeeded per second
	 * @param failed tasks failed per second
	 * @param retried tasks retried per second
	 * @param pickupMs mean pickup latency in milliseconds, {@code null} when nothing started
	 */
	record Point(long at, double succeeded, double failed, double retried, Double pickupMs) {
	}

}
