package dev.celerity.autoconfigure.celery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Celery on the wire: queues on kombu's Redis layout in Celery's message format, and results in Celery's format, so
 * that Python Celery workers and producers share them.
 */
@ConfigurationProperties("celerity.celery")
public class CeleryProperties {

	/** Whether to speak Celery's wire format on Redis (the queues below, and every result and chord). */
	private boolean enabled;

	/** Queues on Celery's layout; empty for every queue. */
	private List<String> queues = new ArrayList<>();

	/** Longest an idle consumer of a Celery queue waits before it looks at every priority step again. */
	private Duration idlePoll = Duration.ofMillis(200);

	/** This worker's node name in Celery's tools (inspect, control, events). */
	private String hostname = "celerity-" + ProcessHandle.current().pid() + "@" + hostName();

	/** How often the worker sends Celery's worker-heartbeat event. */
	private Duration heartbeat = Duration.ofSeconds(2);

	/** The origin header of messages sent from this instance (Celery's is gen<pid>@<host>). */
	private String origin = "celerity@" + hostName();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getQueues() {
		return this.queues;
	}

	public void setQueues(List<String> queues) {
		this.queues = queues;
	}

	public Duration getIdlePoll() {
		return this.idlePoll;
	}

	public void setIdlePoll(Duration idlePoll) {
		this.idlePoll = idlePoll;
	}

	public String getHostname() {
		return this.hostname;
	}

	public void setHostname(String hostname) {
		this.hostname = hostname;
	}

	public Duration getHeartbeat() {
		return this.heartbeat;
	}

	public void setHeartbeat(Duration heartbeat) {
		this.heartbeat = heartbeat;
	}

	public String getOrigin() {
		return this.origin;
	}

	public void setOrigin(String origin) {
		this.origin = origin;
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			return "localhost";
		}
	}

}
