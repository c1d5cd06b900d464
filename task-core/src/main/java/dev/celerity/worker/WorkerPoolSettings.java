package dev.celerity.worker;

import java.time.Duration;
import java.util.List;

import org.springframework.util.Assert;

/**
 * The settings of one worker pool.
 *
 * @param name the pool's name, used in thread names
 * @param queues the queues it consumes
 * @param concurrency how many tasks run at once
 * @param prefetch how many messages it leases ahead of the running ones
 * @param virtualThreads whether tasks run on virtual threads
 * @param lease how long a leased message stays invisible unless renewed; renewed every third of it
 * @param fetchWait the longest single wait for ready work on an empty queue, after which the fetching thread looks
 * again (and notices a pause or a stop)
 */
public record WorkerPoolSettings(String name, List<String> queues, int concurrency, int prefetch,
		boolean virtualThreads, Duration lease, Duration fetchWait) {

	public WorkerPoolSettings {
		Assert.hasText(name, "Pool name must not be empty");
		Assert.notEmpty(queues, () -> "Worker pool '" + name + "' must consume at least one queue");
		Assert.isTrue(concurrency > 0, () -> "Worker pool '" + name + "' concurrency must be positive: " + concurrency);
		Assert.isTrue(prefetch >= 0, () -> "Worker pool '" + name + "' prefetch must not be negative: " + prefetch);
		queues = List.copyOf(queues);
	}

}
