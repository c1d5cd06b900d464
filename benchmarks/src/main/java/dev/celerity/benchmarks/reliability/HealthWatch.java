package dev.celerity.benchmarks.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.health.contributor.Status;

import dev.celerity.autoconfigure.actuate.health.CelerityHealthIndicator;

/**
 * Asks the producing application's Celerity health indicator for its status every 200 ms on a thread of its own,
 * and keeps the changes and the longest answer, so that a scenario can show health going DOWN during an outage and
 * back UP after it, and never hanging.
 */
final class HealthWatch implements AutoCloseable {

	private final CelerityHealthIndicator indicator;

	private final long start = System.currentTimeMillis();

	private final List<String> changes = new ArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	private Status last;

	private long longestMillis;

	private boolean sawDown;

	HealthWatch(CelerityHealthIndicator indicator) {
		this.indicator = indicator;
		this.thread = new Thread(this::watch, "reliability-health");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void watch() {
		while (this.running) {
			long asked = System.nanoTime();
			Status status = this.indicator.health(false).getStatus();
			long took = (System.nanoTime() - asked) / 1_000_000;
			synchronized (this) {
				this.longestMillis = Math.max(this.longestMillis, took);
				if (!status.equals(this.last)) {
					this.changes.add(String.format("%s at %.1f s", status, (System.currentTimeMillis() - this.start)
							/ 1000.0));
					this.last = status;
				}
				this.sawDown |= Status.DOWN.equals(status);
			}
			LockSupport.parkNanos(200_000_000);
		}
	}

	synchronized Status last() {
		return this.last;
	}

	synchronized boolean sawDownThenUp() {
		return this.sawDown && Status.UP.equals(this.last);
	}

	synchronized String summary() {
		return "health " + String.join(", ", this.changes) + " (longest answer " + this.longestMillis + " ms)";
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join();
	}

}
