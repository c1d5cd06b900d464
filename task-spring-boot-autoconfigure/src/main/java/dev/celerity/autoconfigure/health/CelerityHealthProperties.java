package dev.celerity.autoconfigure.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code celerity} health contributor, under the prefix {@code celerity.health}.
 */
@ConfigurationProperties("celerity.health")
public class CelerityHealthProperties {

	/** Queues to check besides the default queue, the worker's queues and the queues tasks name. */
	private List<String> queues = new ArrayList<>();

	/**
	 * Whether a checked queue with ready messages but no live worker makes the health DOWN. Only on an instance that
	 * runs a worker: a publish-only instance never goes DOWN for missing workers.
	 */
	private boolean requireWorkers = true;

	/** Most waiting messages (ready and delayed) per queue before the health turns to the backlog status. */
	private Map<String, Long> backlog = new LinkedHashMap<>();

	/** Health status of a queue over its backlog threshold (a custom status must be ordered in management.endpoint.health.status.order). */
	private String backlogStatus = "OUT_OF_SERVICE";

	/**
	 * Longest wait for the broker during a health check; a broker that does not answer in time makes the health DOWN,
	 * whatever spring.data.redis.timeout is.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	public List<String> getQueues() {
		return this.queues;
	}

	public void setQueues(List<String> queues) {
		this.queues = queues;
	}

	public boolean isRequireWorkers() {
		return this.requireWorkers;
	}

	public void setRequireWorkers(boolean requireWorkers) {
		this.requireWorkers = requireWorkers;
	}

	public Map<String, Long> getBacklog() {
		return this.backlog;
	}

	public void setBacklog(Map<String, Long> backlog) {
		this.backlog = backlog;
	}

	public String getBacklogStatus() {
		return this.backlogStatus;
	}

	public void setBacklogStatus(String backlogStatus) {
		this.backlogStatus = backlogStatus;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
