package dev.celerity.benchmarks.reliability;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a worker JVM's heap at a fixed interval: a full GC, then the bytes still in use, written to its
 * {@link ExecutionLog} ({@code H millis bytes}), so that a soak shows whether what survives a GC grows.
 */
final class HeapSampler implements AutoCloseable {

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "reliability-heap-sampler");
		thread.setDaemon(true);
		return thread;
	});

	HeapSampler(ExecutionLog log, Duration interval) {
		this.scheduler.scheduleAtFixedRate(() -> {
			System.gc();
			long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			log.record(ExecutionLog.HEAP, System.currentTimeMillis() + " " + used);
		}, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
