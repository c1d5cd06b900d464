package dev.celerity.autoconfigure.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of Celerity's Redis broker and result backend, under the prefix {@code celerity.redis}; the connection
 * itself is Spring Boot's ({@code spring.data.redis.*}).
 */
@ConfigurationProperties("celerity.redis")
public class CelerityRedisProperties {

	/** Prefix of every Celerity key and channel; instances sharing queues must use the same one. */
	private String keyPrefix = "celerity";

	/** Longest single blocking read of an idle consumer; capped at half of spring.data.redis.timeout. */
	private Duration maxBlock = Duration.ofSeconds(10);

	/** How often an idle consumer looks at its queue without a wake-up signal, to notice leases expired elsewhere. */
	private Duration idleRecheck = Duration.ofSeconds(5);

	/** How long a wait for a result that never comes keeps its subscription. */
	private Duration resultWaitTimeout = Duration.ofDays(1);

	/**
	 * Longest wait between two attempts to reconnect after the connection to Redis dropped (the client's own default
	 * grows to 30s); applies when Spring Boot creates the Lettuce client resources.
	 */
	private Duration maxReconnectDelay = Duration.ofSeconds(1);

	/**
	 * Whether Redis commands fail at once while the connection is down, instead of waiting for it up to
	 * spring.data.redis.timeout: health then answers DOWN at once, and a publish fails after the publish timeout.
	 */
	private boolean rejectCommandsWhenDisconnected = true;

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public Duration getMaxBlock() {
		return this.maxBlock;
	}

	public void setMaxBlock(Duration maxBlock) {
		this.maxBlock = maxBlock;
	}

	public Duration getIdleRecheck() {
		return this.idleRecheck;
	}

	public void setIdleRecheck(Duration idleRecheck) {
		this.idleRecheck = idleRecheck;
	}

	public Duration getResultWaitTimeout() {
		return this.resultWaitTimeout;
	}

	public void setResultWaitTimeout(Duration resultWaitTimeout) {
		this.resultWaitTimeout = resultWaitTimeout;
	}

	public Duration getMaxReconnectDelay() {
		return this.maxReconnectDelay;
	}

	public void setMaxReconnectDelay(Duration maxReconnectDelay) {
		this.maxReconnectDelay = maxReconnectDelay;
	}

	public boolean isRejectCommandsWhenDisconnected() {
		return this.rejectCommandsWhenDisconnected;
	}

	public void setRejectCommandsWhenDisconnected(boolean rejectCommandsWhenDisconnected) {
		this.rejectCommandsWhenDisconnected = rejectCommandsWhenDisconnected;
	}

}
