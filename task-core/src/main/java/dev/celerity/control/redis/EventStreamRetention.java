package dev.celerity.control.redis;

/**
 * Keeps the event stream at about a number of events although its entries hold varying numbers of them: each append
 * trims the stream to that number divided by the mean events per entry (a moving average of this writer's recent
 * entries), so a busy writer's large entries and an idle writer's single-event entries both keep about as many
 * events.
 */
final class EventStreamRetention {

	// the weight of the newest entry in the moving average: about the last 16 entries count
	private static final double WEIGHT = 1.0 / 16;

	private final long maxEvents;

	private double meanEventsPerEntry = 1;

	/**
	 * Creates the retention for a number of events.
	 * @param maxEvents about how many events the stream keeps
	 */
	EventStreamRetention(long maxEvents) {
		this.maxEvents = Math.max(1, maxEvents);
	}

	/**
	 * Returns how many entries the stream keeps once an entry of some events is appended.
	 * @param events the events of the entry about to be appended
	 * @return the stream's length in entries after the append
	 */
	long entriesToKeep(int events) {
		this.meanEventsPerEntry += (events - this.meanEventsPerEntry) * WEIGHT;
		return Math.max(1, Math.round(this.maxEvents / this.meanEventsPerEntry));
	}

}
