package dev.celerity.control;

import java.time.Duration;
import java.util.List;

/**
 * The live workers of the cluster, as their heartbeats tell.
 */
public interface WorkerRegistry {

	/**
	 * Records a heartbeat; the instance counts as live until {@code timeToLive} passes without another.
	 * @param heartbeat the heartbeat
	 * @param timeToLive how long it stays valid
	 */
	void beat(WorkerHeartbeat heartbeat, Duration timeToLive);

	/**
	 * Removes an instance at once (it is shutting down).
	 * @param instanceId the instance id
	 */
	void remove(String instanceId);

	/**
	 * Returns the latest heartbeat of every live instance.
	 * @return the heartbeats, by instance id
	 */
	List<WorkerHeartbeat> live();

}
