package dev.celerity.broker.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.celerity.broker.redis.WakeUpSignals.Signal;

/**
 * Looks at a queue with a script and, while the look finds nothing, waits on the queue's wake-up signal, for no
 * longer than the next due time the last look reported. A signal that work is ready can be trusted without a look
 * (see {@link #await(String, String, Duration, Supplier, Supplier)}), saving a round trip between a publication and
 * the fetch that follows it. Queues found empty are remembered (see {@link IdleQueues}), so an idle consumer issues
 * one blocking read per wait and runs the script only when signalled or when something may have fallen due.
 */
final class QueueWatch {

	private final WakeUpSignals signals;

	private final RedisBrokerOptions options;

	private final IdleQueues idleQueues = new IdleQueues();

	QueueWatch(WakeUpSignals signals, RedisBrokerOptions options) {
		this.signals = signals;
		this.options = options;
	}

	/**
	 * Looks at a queue until the look finds something or the wait is over.
	 * @param <T> what the look finds
	 * @param queue the queue
	 * @param wakeKey the queue's wake-up key
	 * @param maxWait the longest wait; zero or negative looks once without waiting
	 * @param look runs the script
	 * @return what the last look found, possibly nothing
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	<T> Look<T> await(String queue, String wakeKey, Duration maxWait, Supplier<Look<T>> look)
			throws InterruptedException {
		return await(queue, wakeKey, maxWait, look, null);
	}

	/**
	 * Looks at a queue until the look finds something or the wait is over; a signal that work is ready is answered
	 * by another supplier, which may trust it.
	 * @param <T> what the look finds
	 * @param queue the queue
	 * @param wakeKey the queue's wake-up key
	 * @param maxWait the longest wait; zero or negative looks once without waiting
	 * @param look runs the script
	 * @param onReady what a signal that work is ready finds (if it finds nothing, waiting goes on); {@code null} to
	 * look again
	 * @return what the last look found, possibly nothing
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	<T> Look<T> await(String queue, String wakeKey, Duration maxWait, Supplier<Look<T>> look,
			Supplier<Look<T>> onReady) throws InterruptedException {
		long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
		// a non-blocking look always runs; a blocking one trusts a recent look and the wake-up signal
		boolean mustRun = maxWait.isZero() || maxWait.isNegative();
		Look<T> last = null;
		while (true) {
			if (Thread.interrupted()) {
				throw new InterruptedException("Interrupted while waiting on queue '" + queue + "'");
			}
			long now = System.nanoTime();
			if (mustRun || !this.idleQueues.isKnownEmpty(queue, now)) {
				last = look.get();
				if (last.found()) {
					return last;
				}
				this.idleQueues.markEmpty(queue, now + knownEmptyNanos(last.millisUntilDue()));
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return (last != null) ? last : Look.nothing();
			}
			long block = Math.min(Math.min(remaining, this.options.maxBlock().toNanos()),
					this.idleQueues.remainingNanos(queue, System.nanoTime()));
			Signal signal = this.signals.await(wakeKey, Duration.ofNanos(Math.max(block, 1_000_000)));
			mustRun = signal != Signal.NONE;
			if (mustRun) {
				this.idleQueues.forget(queue);
			}
			if (signal == Signal.READY && onReady != null) {
				last = onReady.get();
				if (last.found()) {
					return last;
				}
			}
		}
	}

	/**
	 * Forgets that a queue was found empty, after this instance stored messages in it.
	 * @param queue the queue
	 */
	void forget(String queue) {
		this.idleQueues.forget(queue);
	}

	private long knownEmptyNanos(long millisUntilDue) {
		long recheck = this.options.idleRecheck().toNanos();
		return (millisUntilDue < 0) ? recheck
				: Math.min(recheck, TimeUnit.MILLISECONDS.toNanos(millisUntilDue));
	}

	/**
	 * What one look at a queue found.
	 *
	 * @param <T> the kind of finding
	 * @param value the finding, {@code null} for nothing
	 * @param millisUntilDue when nothing was found, milliseconds until the next delayed message or lease deadline,
	 * {@code -1} if none
	 */
	record Look<T>(T value, long millisUntilDue) {

		static <T> Look<T> nothing() {
			return new Look<>(null, -1);
		}

		boolean found() {
			return this.value != null;
		}

	}

}
