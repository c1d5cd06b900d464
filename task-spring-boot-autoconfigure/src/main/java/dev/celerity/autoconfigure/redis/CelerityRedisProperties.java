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

}
