package dev.celerity.autoconfigure.canvas;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.CelerityProperties;
import dev.celerity.backend.ChordStore;
import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.canvas.CanvasOutcomeHandler;
import dev.celerity.canvas.CanvasTasks;
import dev.celerity.canvas.DefaultWorkflowTemplate;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.client.PublishInterceptor;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.routing.Router;
import dev.celerity.worker.TaskOutcomeHandler;

/**
 * Auto-configuration of workflows (chains, groups, chords): the {@link WorkflowTemplate} that sends them, the
 * worker-side handler that continues them, the chord store that counts chord headers (embedded unless another
 * auto-configuration or the application supplies one) and the built-in map, starmap and collect tasks.
 */
@AutoConfiguration(after = CelerityAutoConfiguration.class)
@ConditionalOnBean(TaskTemplate.class)
@Import({ ChordStoreConfiguration.RedisChordStoreConfiguration.class,
		ChordStoreConfiguration.EmbeddedChordStoreConfiguration.class })
public final class CanvasAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WorkflowTemplate workflowTemplate(TaskTemplate tasks, MessageCodec codec, Router router, Broker broker,
			ResultBackend backend, TaskEventListener events, @Qualifier("celerityClock") Clock clock,
			ObjectProvider<PublishInterceptor> publishInterceptor) {
		return new DefaultWorkflowTemplate(tasks, codec, router, broker, backend, events, clock,
				publishInterceptor.getIfAvailable(() -> PublishInterceptor.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	TaskOutcomeHandler celerityCanvasOutcomeHandler(MessageCodec codec, Router router, Broker broker,
			ResultBackend backend, ChordStore chords, TaskEventListener events, CelerityProperties properties,
			@Qualifier("celerityClock") Clock clock, ObjectProvider<PublishInterceptor> publishInterceptor) {
		return new CanvasOutcomeHandler(codec, router, broker, backend, chords, events,
				properties.getResult().getTimeToLive(), clock,
				publishInterceptor.getIfAvailable(() -> PublishInterceptor.NONE));
	}

	@Bean
	SmartInitializingSingleton celerityCanvasTaskRegistrar(TaskRegistry registry, MessageCodec codec) {
		return () -> new CanvasTasks(registry, codec).register();
	}

}
