package dev.celerity.benchmarks.reliability;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition until it holds or a deadline passes.
 */
final class Waits {

	private Waits() {
	}

	/**
	 * Waits for a condition.
	 * @param timeout the longest wait
	 * @param what what is awaited, for the failure's message
	 * @param condition the condition
	 * @throws IllegalStateException if the condition does not hold in time
	 */
	static void until(Duration timeout, String what, BooleanSupplier condition) {
		if (!within(timeout, condition)) {
			throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
		}
	}

	/**
	 * Waits for a condition.
	 * @param timeout the longest wait
	 * @param condition the condition
	 * @return whether it held in time
	 */
	static boolean within(Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			LockSupport.parkNanos(20_000_000);
		}
		return true;
	}

	static void sleep(Duration duration) {
		LockSupport.parkNanos(duration.toNanos());
	}

}
