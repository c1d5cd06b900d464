package dev.celerity.celery;

/**
 * Maps Celerity's priorities (0-9, higher first) to Celery's on Redis (0-9, lower first, in kombu's four steps
 * 0 / 3 / 6 / 9, each step one list) and back.
 *
 * <p>Celerity 9, 8, 7 are Celery 0, 1, 2 (the queue's own list, taken first); 6, 5, 4 are 3, 4, 5 (step 3); 3, 2, 1
 * are 6, 7, 8 (step 6); 0 is 9 (step 9, taken last). A Celery message without a priority sits in the queue's own
 * list, so it reads as Celerity 9. Within one step, order is first in, first out.
 */
public final class CeleryPriority {

	/** kombu's priority steps, in the order a worker reads their lists. */
	public static final int[] STEPS = { 0, 3, 6, 9 };

	/** kombu's separator between a queue's name and its priority step ({@code \x06\x16}). */
	public static final String SEPARATOR = "\u0006\u0016";

	private CeleryPriority() {
	}

	/**
	 * Converts a Celerity priority to Celery's scale.
	 * @param celerity 0-9, higher first
	 * @return 0-9, lower first
	 */
	public static int toCelery(int celerity) {
		return 9 - clamp(celerity);
	}

	/**
	 * Converts a Celery priority to Celerity's scale.
	 * @param celery 0-9, lower first, or {@code null} for none
	 * @return 0-9, higher first
	 */
	public static int fromCelery(Integer celery) {
		return (celery != null) ? 9 - clamp(celery) : 9;
	}

	/**
	 * Returns the index in {@link #STEPS} of the list a Celery priority goes to, as kombu's {@code priority()} does.
	 * @param celery 0-9, lower first
	 * @return 0-3
	 */
	public static int stepIndex(int celery) {
		int index = 0;
		for (int i = 0; i < STEPS.length; i++) {
			if (STEPS[i] <= clamp(celery)) {
				index = i;
			}
		}
		return index;
	}

	/**
	 * Returns the name of the list holding a queue's messages of one step, as kombu's {@code _q_for_pri} names it.
	 * @param queue the queue
	 * @param stepIndex the index in {@link #STEPS}
	 * @return the queue's name for step 0, {@code <queue>\x06\x16<step>} for the others
	 */
	public static String listName(String queue, int stepIndex) {
		return (stepIndex == 0) ? queue : queue + SEPARATOR + STEPS[stepIndex];
	}

	private static int clamp(int priority) {
		return Math.max(0, Math.min(9, priority));
	}

}
