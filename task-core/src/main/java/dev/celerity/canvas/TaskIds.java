package dev.celerity.canvas;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes random (version 4) ids for the tasks and groups of a workflow; they name work, they are not secrets.
 */
final class TaskIds {

	private TaskIds() {
	}

	static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

}
