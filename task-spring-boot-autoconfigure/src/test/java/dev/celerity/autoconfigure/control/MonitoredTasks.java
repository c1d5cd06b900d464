package dev.celerity.autoconfigure.control;

import java.util.concurrent.CountDownLatch;

import dev.celerity.api.Task;

/**
 * Tasks used by the monitoring tests.
 */
public class MonitoredTasks {

	/** Counted down when {@code monitored.block} starts. */
	public final CountDownLatch started = new CountDownLatch(1);

	/** Releases {@code monitored.block}. */
	public final CountDownLatch release = new CountDownLatch(1);

	@Task(name = "monitored.add")
	public int add(int a, int b) {
		return a + b;
	}

	@Task(name = "monitored.fail", maxRetries = 1, autoretryFor = IllegalStateException.class, retryBackoff = "10ms",
			retryJitter = false)
	public void fail() {
		throw new IllegalStateException("always");
	}

	@Task(name = "monitored.block")
	public String block() throws InterruptedException {
		this.started.countDown();
		this.release.await();
		return "released";
	}

	@Task(name = "monitored.report", queue = "reports")
	public String report() {
		return "report";
	}

}
