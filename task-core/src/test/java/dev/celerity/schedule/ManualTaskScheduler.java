package dev.celerity.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * A {@link TaskScheduler} driven by the test: scheduled tasks run on the test's thread when it moves the clock past
 * their time, so ticks are deterministic and no test waits.
 */
final class ManualTaskScheduler implements TaskScheduler {

	private final MutableClock clock;

	private final PriorityQueue<Entry> entries = new PriorityQueue<>();

	private long sequence;

	ManualTaskScheduler(MutableClock clock) {
		this.clock = clock;
	}

	/**
	 * Moves the clock to {@code target}, running every task due on the way at its time.
	 */
	void advanceTo(Instant target) {
		Entry next;
		while ((next = this.entries.peek()) != null && !next.time.isAfter(target)) {
			this.entries.poll();
			if (next.time.isAfter(this.clock.instant())) {
				this.clock.set(next.time);
			}
			if (!next.cancelled) {
				next.task.run();
			}
		}
		this.clock.set(target);
	}

	void advanceBy(Duration duration) {
		advanceTo(this.clock.instant().plus(duration));
	}

	/**
	 * Jumps the clock without running anything (a pause, or every instance down), then runs what is due.
	 */
	void pauseFor(Duration duration) {
		this.clock.set(this.clock.instant().plus(duration));
		advanceTo(this.clock.instant());
	}

	@Override
	public Clock getClock() {
		return this.clock;
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
		Entry entry = new Entry(task, startTime, this.sequence++);
		this.entries.add(entry);
		return entry;
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
		throw new UnsupportedOperationException();
	}

	private final class Entry implements ScheduledFuture<Object>, Comparable<Delayed> {

		private final Runnable task;

		private final Instant time;

		private final long order;

		private volatile boolean cancelled;

		Entry(Runnable task, Instant time, long order) {
			this.task = task;
			this.time = time;
			this.order = order;
		}

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(Duration.between(ManualTaskScheduler.this.clock.instant(), this.time));
		}

		@Override
		public int compareTo(Delayed other) {
			Entry entry = (Entry) other;
			int byTime = this.time.compareTo(entry.time);
			return (byTime != 0) ? byTime : Long.compare(this.order, entry.order);
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			this.cancelled = true;
			return true;
		}

		@Override
		public boolean isCancelled() {
			return this.cancelled;
		}

		@Override
		public boolean isDone() {
			return this.cancelled;
		}

		@Override
		public Object get() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Object get(long timeout, TimeUnit unit) {
			throw new UnsupportedOperationException();
		}

	}

}
