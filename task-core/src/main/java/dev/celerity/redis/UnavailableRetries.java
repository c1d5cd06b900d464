package dev.celerity.redis;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a call that may meet Redis unreachable for a moment (a dropped or killed connection being re-established):
 * a call that fails as {@link RedisFailures#isUnavailable unavailable} is tried again, after a short pause growing to
 * 200 ms, until a timeout has passed; then its last failure is thrown. Only calls that are safe to repeat are given
 * to it (a store that is idempotent, an acknowledgement of a message by its id).
 */
public final class UnavailableRetries {

	/** The first pause between two tries. */
	public static final long FIRST_PAUSE_MILLIS = 10;

	private static final long LONGEST_PAUSE_MILLIS = 200;

	private final Duration timeout;

	/**
	 * Creates retries.
	 * @param timeout how long a call is tried again while Redis is unavailable
	 */
	public UnavailableRetries(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Runs a call, trying again while Redis is unavailable and the timeout has not passed.
	 * @param <T> what the call returns
	 * @param call the call
	 * @return what it returned
	 * @throws RuntimeException the call's failure: at once if it does not mean Redis is unavailable, else the last
	 * one once the timeout passed or the thread was interrupted
	 */
	public <T> T call(Supplier<T> call) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		long pause = FIRST_PAUSE_MILLIS;
		while (true) {
			try {
				return call.get();
			}
			catch (RuntimeException ex) {
				if (!RedisFailures.isUnavailable(ex)) {
					throw ex;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0 || !pause(Math.min(pause, Math.max(1, left / 1_000_000)))) {
					throw ex;
				}
				pause = nextPause(pause);
			}
		}
	}

	/**
	 * Runs a call that returns nothing, trying again while Redis is unavailable and the timeout has not passed.
	 * @param call the call
	 * @throws RuntimeException as {@link #call(Supplier)}
	 */
	public void run(Runnable call) {
		call(() -> {
			call.run();
			return null;
		});
	}

	/**
	 * Returns the pause after a given one: twice as long, at most 200 ms.
	 * @param millis the last pause
	 * @return the next
	 */
	public static long nextPause(long millis) {
		return Math.min(LONGEST_PAUSE_MILLIS, millis * 2);
	}

	private static boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
