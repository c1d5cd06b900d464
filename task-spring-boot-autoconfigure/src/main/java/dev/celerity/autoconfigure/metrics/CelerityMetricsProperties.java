package dev.celerity.autoconfigure.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of Celerity's Micrometer meters, under the prefix {@code celerity.metrics}.
 */
@ConfigurationProperties("celerity.metrics")
public class CelerityMetricsProperties {

	/** How often the queue gauges read the queues' counts from the broker (scrapes never reach the broker). */
	private Duration queueSampleInterval = Duration.ofSeconds(10);

	public Duration getQueueSampleInterval() {
		return this.queueSampleInterval;
	}

	public void setQueueSampleInterval(Duration queueSampleInterval) {
		this.queueSampleInterval = queueSampleInterval;
	}

}
