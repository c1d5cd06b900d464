package dev.celerity.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.control.KnownQueues;
import dev.celerity.broker.Broker;
import dev.celerity.observability.QueueMetrics;
import dev.celerity.observability.TaskMetrics;
import dev.celerity.observability.WorkerMetrics;
import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerPool;

/**
 * Auto-configuration of Celerity's Micrometer meters: task timers and counters from task events, queue gauges
 * sampled in the background, and the worker's active and processed counts.
 */
@AutoConfiguration(after = { CelerityAutoConfiguration.class, CelerityControlAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, TaskMetrics.class })
@ConditionalOnBean({ MeterRegistry.class, Broker.class })
@EnableConfigurationProperties(CelerityMetricsProperties.class)
public final class CelerityMetricsAutoConfiguration {

	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnMissingBean
	QueueMetrics celerityQueueMetrics(Broker broker, MeterRegistry registry, CelerityMetricsProperties properties,
			ObjectProvider<KnownQueues> knownQueues) {
		QueueMetrics metrics = new QueueMetrics(broker, registry, properties.getQueueSampleInterval());
		knownQueues.ifAvailable(metrics::trackFrom);
		return metrics;
	}

	@Bean
	@ConditionalOnMissingBean
	TaskMetrics celerityTaskMetrics(MeterRegistry registry, QueueMetrics queueMetrics) {
		return new TaskMetrics(registry, queueMetrics::track);
	}

	@Bean
	@ConditionalOnBean(Worker.class)
	@ConditionalOnMissingBean
	WorkerMetrics celerityWorkerMetrics(Worker worker) {
		return new WorkerMetrics(() -> worker.pools().stream().mapToInt(WorkerPool::activeCount).sum(),
				() -> worker.pools().stream().mapToLong(WorkerPool::processedCount).sum());
	}

}
