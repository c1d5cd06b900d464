package dev.celerity.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.TaskScheduler;

import dev.celerity.api.MissedTickPolicy;
import dev.celerity.api.TaskTemplate;

/**
 * Runs one schedule: wakes up at its next tick, claims the latest due tick, enqueues it (or skips it, per the
 * missed-tick policy) and sets the next wake-up.
 *
 * <p>{@code after} is the last tick this runner dealt with (its own or, at start, the last one any instance
 * claimed); every tick after it and due now is either the one to enqueue or a missed one.
 */
final class ScheduleRunner implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleRunner.class);

	private static final long MAX_COUNTED = 1_000_000;

	private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

	private final PeriodicSchedule schedule;

	private final ScheduleClaims claims;

	private final TaskTemplate template;

	private final TaskScheduler scheduler;

	private final Duration missedThreshold;

	private final SchedulePauses pauses;

	private Instant notBefore;

	private Instant after;

	private Instant nextWake;

	private ScheduledFuture<?> future;

	private boolean stopped = true;

	ScheduleRunner(PeriodicSchedule schedule, ScheduleClaims claims, TaskTemplate template, TaskScheduler scheduler,
			Duration missedThreshold, SchedulePauses pauses) {
		this.pauses = pauses;
		this.schedule = schedule;
		this.claims = claims;
		this.template = template;
		this.scheduler = scheduler;
		this.missedThreshold = missedThreshold;
	}

	synchronized void start() {
		this.stopped = false;
		this.notBefore = clock().instant().plus(this.schedule.timing().initialDelay());
		this.after = null;
		try {
			readHistory();
		}
		catch (RuntimeException ex) {
			logger.warn("Schedule '{}' could not read its last tick at start-up; retrying at its first wake-up",
					this.schedule.name(), ex);
		}
		wakeAt(this.notBefore);
	}

	private void readHistory() {
		// Ticks after the last claimed one are missed ticks; without history, ticks count from start-up.
		this.after = this.claims.lastTick(this.schedule.name()).orElse(this.notBefore.minusNanos(1));
	}

	synchronized void stop() {
		this.stopped = true;
		if (this.future != null) {
			this.future.cancel(false);
		}
	}

	/**
	 * Returns the next tick this runner will act on, as far as it knows: a catch-up of missed ticks found on the
	 * first wake-up comes on top.
	 */
	synchronized Instant nextTick() {
		if (this.stopped || this.nextWake == null) {
			return null;
		}
		Instant base = (this.after != null) ? this.after : this.notBefore.minusNanos(1);
		Instant next = this.schedule.timing().next(base);
		return (next != null) ? later(next, this.notBefore) : null;
	}

	@Override
	public synchronized void run() {
		if (this.stopped) {
			return;
		}
		boolean failed = false;
		try {
			if (this.after == null) {
				readHistory();
			}
			fire(clock().instant());
		}
		catch (RuntimeException ex) {
			failed = true;
			logger.error("Schedule '{}' could not handle its tick; retrying in {}", this.schedule.name(),
					RETRY_DELAY, ex);
		}
		if (this.stopped) {
			return;
		}
		if (failed) {
			wakeAt(clock().instant().plus(RETRY_DELAY));
		}
		else if (this.schedule.timing().next(this.after) != null) {
			wakeAt(later(this.schedule.timing().next(this.after), this.notBefore));
		}
		else {
			logger.info("Schedule '{}' has no further tick", this.schedule.name());
			this.nextWake = null;
		}
	}

	private void fire(Instant now) {
		Timing timing = this.schedule.timing();
		Instant tick = timing.latest(now);
		if (now.isBefore(this.notBefore) || tick == null || !tick.isAfter(this.after)) {
			return;
		}
		boolean late = Duration.between(tick, now).compareTo(this.missedThreshold) > 0;
		boolean enqueue = !late || this.schedule.missedTicks() == MissedTickPolicy.RUN_ONCE;
		TickClaim claim = this.claims.claim(this.schedule.name(), tick);
		Instant previous = (claim.previous() != null) ? claim.previous() : this.after;
		this.after = tick;
		if (!claim.claimed()) {
			logger.debug("Tick {} of schedule '{}' was claimed by another instance", tick, this.schedule.name());
			return;
		}
		long missed = timing.count(previous, tick, MAX_COUNTED) - (enqueue ? 1 : 0);
		if (enqueue && this.pauses.isPaused(this.schedule.name())) {
			// claimed all the same, so that resuming does not send the ticks skipped while paused
			logger.debug("Tick {} of paused schedule '{}' sends nothing", tick, this.schedule.name());
			return;
		}
		if (enqueue) {
			this.template.send(this.schedule.signature(tick, now));
			logger.debug("Tick {} of schedule '{}' enqueued task '{}'", tick, this.schedule.name(),
					this.schedule.taskName());
		}
		if (missed > 0) {
			reportMissed(missed, previous, tick, enqueue);
		}
	}

	private void reportMissed(long missed, Instant previous, Instant tick, boolean enqueued) {
		String count = (missed >= MAX_COUNTED) ? "at least " + missed : String.valueOf(missed);
		if (enqueued) {
			logger.warn("Schedule '{}' missed {} tick(s) after {}; enqueued task '{}' once for them at tick {}",
					this.schedule.name(), count, previous, this.schedule.taskName(), tick);
		}
		else {
			logger.warn("Schedule '{}' missed {} tick(s) after {} up to {}; skipped them (missed-ticks policy SKIP)",
					this.schedule.name(), count, previous, tick);
		}
	}

	private void wakeAt(Instant wake) {
		this.nextWake = wake;
		this.future = this.scheduler.schedule(this, wake);
	}

	private Clock clock() {
		return this.scheduler.getClock();
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return a.isAfter(b) ? a : b;
	}

}
