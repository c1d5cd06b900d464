package dev.celerity.control;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a worker instance tells the cluster every few seconds; a missing heartbeat marks it gone.
 *
 * @param instance the instance
 * @param pools its worker pools
 * @param processed how many tasks it has finished since it started (any outcome)
 * @param at when the heartbeat was sent
 */
public record WorkerHeartbeat(InstanceIdentity instance, List<PoolStatus> pools, long processed, Instant at) {

	public WorkerHeartbeat {
		pools = List.copyOf(pools);
	}

	/**
	 * Returns the queues the instance consumes.
	 * @return the queues of all its pools, in order
	 */
	public Set<String> queues() {
		Set<String> queues = new LinkedHashSet<>();
		this.pools.forEach((pool) -> queues.addAll(pool.queues()));
		return queues;
	}

	/**
	 * Returns how many tasks run on the instance right now.
	 * @return the active tasks of all its pools
	 */
	public int active() {
		return this.pools.stream().mapToInt(PoolStatus::active).sum();
	}

	/**
	 * One worker pool in a heartbeat.
	 *
	 * @param name the pool's name
	 * @param queues the queues it consumes
	 * @param concurrency how many tasks it runs at once
	 * @param active how many run now
	 * @param paused the queues whose consumption is paused on this instance
	 * @param prefetched how many messages it holds that have not started (fetched ahead), {@code null} in the
	 * heartbeat of an instance of an earlier version
	 */
	public record PoolStatus(String name, List<String> queues, int concurrency, int active, List<String> paused,
			Integer prefetched) {

		public PoolStatus {
			queues = List.copyOf(queues);
			paused = List.copyOf(paused);
		}

	}

}
