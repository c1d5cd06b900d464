package dev.celerity.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.TaskTemplate;
import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.client.DefaultTaskTemplate;
import dev.celerity.publish.PublishInterceptor;
import dev.celerity.publish.TaskPublisher;
import dev.celerity.client.TaskRevoker;
import dev.celerity.control.ClusterControl;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.routing.DefaultRouter;
import dev.celerity.routing.Router;

/**
 * The calling side: the router and the {@link TaskTemplate}.
 */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Router celerityRouter(TaskRegistry registry, CelerityProperties properties) {
		return new DefaultRouter(registry, properties.getDefaultQueue(), properties.getDefaultPriority());
	}

	@Bean
	@ConditionalOnMissingBean
	TaskPublisher celerityTaskPublisher(MessageCodec codec, Router router, Broker broker, TaskEventListener events,
			@Qualifier("celerityClock") Clock clock, ObjectProvider<PublishInterceptor> publishInterceptor,
			CelerityProperties properties) {
		return new TaskPublisher(codec, router, broker, events, clock,
				publishInterceptor.getIfAvailable(() -> PublishInterceptor.NONE), properties.getPublish().getTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	TaskTemplate taskTemplate(MessageCodec codec, TaskRegistry registry, TaskPublisher publisher,
			ResultBackend backend, ObjectProvider<ClusterControl> control) {
		// looked up on first revoke: the control plane is configured after the template and may be absent
		TaskRevoker revoker = (taskId, terminate) -> {
			ClusterControl cluster = control.getIfAvailable();
			if (cluster == null) {
				TaskRevoker.UNAVAILABLE.revoke(taskId, terminate);
			}
			else {
				cluster.revoke(taskId, terminate);
			}
		};
		return new DefaultTaskTemplate(codec, registry, publisher, backend, revoker);
	}

}
