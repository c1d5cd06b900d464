package dev.celerity.autoconfigure.health;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

import dev.celerity.autoconfigure.InvalidCelerityPropertyException;
import dev.celerity.autoconfigure.actuate.health.CelerityHealthIndicator;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.control.KnownQueues;
import dev.celerity.broker.Broker;
import dev.celerity.control.WorkerRegistry;
import dev.celerity.worker.Worker;

/**
 * Auto-configuration of the {@code celerity} health contributor.
 */
@AutoConfiguration(after = CelerityControlAutoConfiguration.class)
@ConditionalOnClass({ AbstractHealthIndicator.class, Broker.class })
@ConditionalOnBean({ Broker.class, WorkerRegistry.class, KnownQueues.class })
@EnableConfigurationProperties(CelerityHealthProperties.class)
public final class CelerityHealthContributorAutoConfiguration {

	// the health conditions sit on the method, so the class condition is checked before they are loaded
	@Bean
	@ConditionalOnEnabledHealthIndicator("celerity")
	@ConditionalOnMissingBean(name = "celerityHealthIndicator")
	CelerityHealthIndicator celerityHealthIndicator(Broker broker, WorkerRegistry workers, KnownQueues knownQueues,
			CelerityHealthProperties properties, ObjectProvider<Worker> worker) {
		// a publish-only instance reports the broker only: workers elsewhere being down must not make it unready
		boolean requireWorkers = properties.isRequireWorkers() && worker.getIfAvailable() != null;
		return new CelerityHealthIndicator(broker, workers, () -> {
			Set<String> queues = new LinkedHashSet<>(knownQueues.get());
			queues.addAll(properties.getQueues());
			queues.addAll(properties.getBacklog().keySet());
			return queues;
		}, properties.getBacklog(), new Status(properties.getBacklogStatus()), requireWorkers, timeout(properties));
	}

	private static Duration timeout(CelerityHealthProperties properties) {
		Duration timeout = properties.getTimeout();
		if (timeout == null || timeout.isZero() || timeout.isNegative()) {
			throw new InvalidCelerityPropertyException("celerity.health.timeout", timeout,
					"a health check that may not wait would always answer DOWN",
					"Set celerity.health.timeout to a positive duration (for example 2s), or remove it for 2s.");
		}
		return timeout;
	}

}
