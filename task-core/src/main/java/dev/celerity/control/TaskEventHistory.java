package dev.celerity.control;

/**
 * Read access to the cluster's recent task events, newest or oldest first, in whole entries (events appended
 * together are read together). The history is bounded by its writer's retention.
 *
 * <p>Cursors have the form {@code <epoch millis>-<sequence>} and sort by time, so that a time can serve as one:
 * {@link #cursorAt(long)}.
 */
public interface TaskEventHistory {

	/**
	 * Reads entries older than a cursor, newest first (and the events of each entry newest first).
	 * @param before read entries strictly before this cursor; {@code null} for the newest
	 * @param notBeforeMillis stop at entries older than this time (epoch milliseconds; 0 for no bound)
	 * @param maxEntries the most entries to read
	 * @return the events read
	 */
	TaskEventPage older(String before, long notBeforeMillis, int maxEntries);

	/**
	 * Reads entries newer than a cursor, oldest first.
	 * @param after read entries strictly after this cursor; {@code null} for the oldest
	 * @param maxEntries the most entries to read
	 * @return the events read
	 */
	TaskEventPage newer(String after, int maxEntries);

	/**
	 * Returns the cursor just after every entry appended up to a time.
	 * @param millis epoch milliseconds
	 * @return a cursor that sorts after every entry of that millisecond and before any later one
	 */
	static String cursorAt(long millis) {
		return (millis + 1) + "-0";
	}

}
