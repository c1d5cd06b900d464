package dev.celerity.autoconfigure.canvas;

import java.time.Clock;

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
import dev.celerity.backend.ChainStore;
import dev.celerity.backend.ChordStore;
import dev.celerity.backend.ResultBackend;
import dev.celerity.canvas.CanvasOutcomeHandler;
import dev.celerity.canvas.CanvasTasks;
import dev.celerity.canvas.DefaultWorkflowTemplate;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.publish.TaskPublisher;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.worker.TaskOutcomeHandler;

/**
 * Auto-configuration of workflows (chains, groups, chords): the {@link WorkflowTemplate} that sends them, the
 * worker-side handler that continues them, the chord store that counts chord headers and the chain store that
 * keeps long chains (embedded unless another auto-configuration or the application supplies them) and the built-in
 * map, starmap and collect tasks.
 */
@AutoConfiguration(after = CelerityAutoConfiguration.class)
@ConditionalOnBean(TaskTemplate.class)
@Import({ ChordStoreConfiguration.RedisChordStoreConfiguration.class,
		ChordStoreConfiguration.EmbeddedChordStoreConfiguration.class })
public final class CanvasAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WorkflowTemplate workflowTemplate(TaskTemplate tasks, MessageCodec codec, TaskPublisher publisher,
			ResultBackend backend, ChainStore chains, CelerityProperties properties) {
		return new DefaultWorkflowTemplate(tasks, codec, publisher, backend, chains,
				properties.getResult().getTimeToLive());
	}

	@Bean
	@ConditionalOnMissingBean
	TaskOutcomeHandler celerityCanvasOutcomeHandler(MessageCodec codec, TaskPublisher publisher,
			ResultBackend backend, ChordStore chords, ChainStore chains, CelerityProperties properties,
			@Qualifier("celerityClock") Clock clock) {
		return new CanvasOutcomeHandler(codec, publisher, backend, chords, chains,
				properties.getResult().getTimeToLive(), clock);
	}

	@Bean
	SmartInitializingSingleton celerityCanvasTaskRegistrar(TaskRegistry registry, MessageCodec codec) {
		return () -> new CanvasTasks(registry, codec).register();
	}

}
