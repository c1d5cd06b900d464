package dev.celerity.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One running attempt under supervision: its thread, its time-limit timers, and who settles it. Exactly one party
 * settles an attempt: the task's own thread when it ends, or the supervisor at the hard limit or on terminate.
 */
final class SupervisedAttempt {

	private final String taskId;

	private final String taskName;

	private final Thread thread;

	private final Instant startedAt;

	private final long startNanos = System.nanoTime();

	private final Consumer<SupervisedAttempt> onTerminate;

	private final AtomicBoolean settled = new AtomicBoolean();

	private ScheduledFuture<?> softTimer;

	private ScheduledFuture<?> hardTimer;

	private boolean finished;

	private boolean interruptedByUs;

	private volatile Duration softLimitExceeded;

	SupervisedAttempt(String taskId, String taskName, Thread thread, Instant startedAt,
			Consumer<SupervisedAttempt> onTerminate) {
		this.onTerminate = onTerminate;
		this.taskId = taskId;
		this.taskName = taskName;
		this.thread = thread;
		this.startedAt = startedAt;
	}

	String taskId() {
		return this.taskId;
	}

	String taskName() {
		return this.taskName;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	Consumer<SupervisedAttempt> onTerminate() {
		return this.onTerminate;
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	/** Takes the right to settle the attempt; only the first caller gets it. */
	boolean claim() {
		return this.settled.compareAndSet(false, true);
	}

	/** The soft limit that interrupted the attempt, or {@code null}. */
	Duration softLimitExceeded() {
		return this.softLimitExceeded;
	}

	synchronized void timers(ScheduledFuture<?> soft, ScheduledFuture<?> hard) {
		this.softTimer = soft;
		this.hardTimer = hard;
	}

	synchronized void softLimitReached(Duration limit) {
		this.softLimitExceeded = limit;
		interrupt();
	}

	/** Interrupts the task's thread unless the task already returned. */
	synchronized void interrupt() {
		if (!this.finished) {
			this.interruptedByUs = true;
			this.thread.interrupt();
		}
	}

	/**
	 * Called on the task's thread when the task method returned or threw: stops the timers and clears an interrupt
	 * we caused, so that recording the outcome is not disturbed.
	 */
	synchronized void finish() {
		this.finished = true;
		if (this.softTimer != null) {
			this.softTimer.cancel(false);
		}
		if (this.hardTimer != null) {
			this.hardTimer.cancel(false);
		}
		if (this.interruptedByUs) {
			Thread.interrupted();
		}
	}

}
