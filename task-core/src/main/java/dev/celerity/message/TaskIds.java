package dev.celerity.message;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes random (version 4) task ids without the contention of a shared secure random: task ids name work, they are
 * not secrets.
 */
public final class TaskIds {

	private TaskIds() {
	}

	/**
	 * Returns a new random task id.
	 * @return the id, a version 4 UUID
	 */
	public static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

}
