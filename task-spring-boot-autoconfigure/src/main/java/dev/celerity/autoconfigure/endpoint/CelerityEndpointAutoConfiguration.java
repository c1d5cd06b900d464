package dev.celerity.autoconfigure.endpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.celerity.autoconfigure.CelerityProperties;
import dev.celerity.autoconfigure.actuate.endpoint.CelerityEndpoint;
import dev.celerity.autoconfigure.actuate.endpoint.CelerityEndpointWebExtension;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.control.KnownQueues;
import dev.celerity.control.ClusterControl;
import dev.celerity.ratelimit.RateLimits;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.schedule.PeriodicSchedules;
import dev.celerity.worker.TimeLimitPolicy;

/**
 * Auto-configuration of the {@code celerity} Actuator endpoint.
 */
@AutoConfiguration(after = CelerityControlAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(ClusterControl.class)
public final class CelerityEndpointAutoConfiguration {

	// the endpoint condition sits on the methods, so the class condition is checked before it is loaded
	@Bean
	@ConditionalOnAvailableEndpoint
	@ConditionalOnMissingBean
	CelerityEndpoint celerityEndpoint(ClusterControl control, TaskRegistry registry, KnownQueues queues,
			ObjectProvider<PeriodicSchedules> schedules, ObjectProvider<TimeLimitPolicy> timeLimits,
			ObjectProvider<RateLimits> rateLimits, CelerityProperties properties) {
		return new CelerityEndpoint(control, registry, queues, schedules.getIfAvailable(),
				timeLimits.getIfAvailable(() -> TimeLimitPolicy.NONE), rateLimits.getIfAvailable(),
				properties.getDefaultQueue());
	}

	@Bean
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	@ConditionalOnBean(CelerityEndpoint.class)
	@ConditionalOnMissingBean
	CelerityEndpointWebExtension celerityEndpointWebExtension(CelerityEndpoint endpoint) {
		return new CelerityEndpointWebExtension(endpoint);
	}

}
