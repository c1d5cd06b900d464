package dev.celerity.autoconfigure.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of cluster control (heartbeats, control commands, revocation, the event stream), under the prefix
 * {@code celerity.control}; an unknown event type fails the start-up, whichever the broker.
 */
@ConfigurationProperties("celerity.control")
public class CelerityControlProperties implements InitializingBean {

	/** How long a broadcast control command waits for the instances' replies. */
	private Duration replyTimeout = Duration.ofSeconds(2);

	/** How long a revoked task id is remembered; should outlast the longest countdown or ETA in use. */
	private Duration revocationTimeToLive = Duration.ofDays(1);

	/**
	 * How often an instance scans the revoked ids in Redis again, to catch revocations whose broadcast it missed (it
	 * loads them at start and applies each broadcast revoke at once); zero or negative for never. Redis only.
	 */
	private Duration revocationRefreshInterval = Duration.ofMinutes(1);

	private final Heartbeat heartbeat = new Heartbeat();

	private final EventStream eventStream = new EventStream();

	/**
	 * Checks the bound values, before any Celerity bean uses them.
	 * @throws dev.celerity.autoconfigure.InvalidCelerityPropertyException for an unknown event type
	 */
	@Override
	public void afterPropertiesSet() {
		TaskEventTypes.validate("celerity.control.event-stream.events", this.eventStream.getEvents());
	}

	public Duration getReplyTimeout() {
		return this.replyTimeout;
	}

	public void setReplyTimeout(Duration replyTimeout) {
		this.replyTimeout = replyTimeout;
	}

	public Duration getRevocationTimeToLive() {
		return this.revocationTimeToLive;
	}

	public void setRevocationTimeToLive(Duration revocationTimeToLive) {
		this.revocationTimeToLive = revocationTimeToLive;
	}

	public Duration getRevocationRefreshInterval() {
		return this.revocationRefreshInterval;
	}

	public void setRevocationRefreshInterval(Duration revocationRefreshInterval) {
		this.revocationRefreshInterval = revocationRefreshInterval;
	}

	public Heartbeat getHeartbeat() {
		return this.heartbeat;
	}

	public EventStream getEventStream() {
		return this.eventStream;
	}

	/**
	 * Worker heartbeat settings.
	 */
	public static class Heartbeat {

		/** How often a worker instance sends its heartbeat. */
		private Duration interval = Duration.ofSeconds(5);

		/** How long a heartbeat counts; an instance without a newer one is considered gone. */
		private Duration timeToLive = Duration.ofSeconds(15);

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

	}

	/**
	 * The cluster-wide Redis stream of task events.
	 */
	public static class EventStream {

		/** Whether task events are appended to a Redis stream (only with Redis). */
		private boolean enabled = true;

		/** About how many events the stream keeps (trimmed approximately on each append). */
		private long maxLength = 10_000;

		/**
		 * The event types appended to the stream, by name ({@code TaskPublished}, {@code TaskReceived},
		 * {@code TaskStarted}, {@code TaskSucceeded}, {@code TaskFailed}, {@code TaskRetried}, {@code TaskRevoked},
		 * {@code TaskRejected}, {@code TaskDeferred}); all of them by default. Each appended event costs Redis one
		 * command.
		 */
		private List<String> events = new ArrayList<>(TaskEventTypes.NAMES);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public long getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(long maxLength) {
			this.maxLength = maxLength;
		}

		public List<String> getEvents() {
			return this.events;
		}

		public void setEvents(List<String> events) {
			this.events = events;
		}

	}

}
