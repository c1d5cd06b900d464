package dev.celerity.autoconfigure.control;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import dev.celerity.control.InstanceIdentity;
import dev.celerity.control.WorkerHeartbeat;
import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerPool;

/**
 * Describes this instance's worker as a heartbeat.
 */
final class WorkerHeartbeats implements Supplier<WorkerHeartbeat> {

	private final Worker worker;

	private final InstanceIdentity identity;

	private final Clock clock;

	WorkerHeartbeats(Worker worker, InstanceIdentity identity, Clock clock) {
		this.worker = worker;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public WorkerHeartbeat get() {
		List<WorkerHeartbeat.PoolStatus> pools = this.worker.pools()
			.stream()
			.map((pool) -> {
				int active = pool.activeCount();
				return new WorkerHeartbeat.PoolStatus(pool.settings().name(), pool.settings().queues(),
						pool.settings().concurrency(), active, pool.pausedQueues(),
						Math.max(0, pool.leased().size() - active));
			})
			.toList();
		long processed = this.worker.pools().stream().mapToLong(WorkerPool::processedCount).sum();
		return new WorkerHeartbeat(this.identity, pools, processed, this.clock.instant());
	}

}
