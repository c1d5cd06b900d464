package dev.celerity.schedule;

/**
 * The schedules an operator paused: a paused schedule's ticks are still claimed, once each across the cluster, but
 * send nothing, so resuming it does not send the ticks it skipped. A shared store (Redis) pauses a schedule on every
 * instance and across restarts.
 */
public interface SchedulePauses {

	/** No schedule is ever paused. */
	SchedulePauses NONE = new SchedulePauses() {

		@Override
		public boolean isPaused(String schedule) {
			return false;
		}

		@Override
		public void pause(String schedule) {
			throw new UnsupportedOperationException("Schedules cannot be paused here");
		}

		@Override
		public void resume(String schedule) {
		}

	};

	/**
	 * Returns whether a schedule is paused.
	 * @param schedule the schedule's name
	 * @return whether its ticks send nothing
	 */
	boolean isPaused(String schedule);

	/**
	 * Pauses a schedule.
	 * @param schedule the schedule's name
	 */
	void pause(String schedule);

	/**
	 * Resumes a schedule from its next tick.
	 * @param schedule the schedule's name
	 */
	void resume(String schedule);

}
