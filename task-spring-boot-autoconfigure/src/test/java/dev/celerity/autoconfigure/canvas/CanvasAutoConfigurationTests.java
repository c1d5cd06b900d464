package dev.celerity.autoconfigure.canvas;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.backend.ChainStore;
import dev.celerity.backend.ChordStore;
import dev.celerity.backend.memory.InMemoryChainStore;
import dev.celerity.backend.memory.InMemoryChordStore;
import dev.celerity.canvas.CanvasOutcomeHandler;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.canvas.Workflows;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.worker.TaskOutcomeHandler;
import dev.celerity.worker.TaskRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which workflow beans the auto-configuration creates.
 */
class CanvasAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class, CanvasAutoConfiguration.class));

	@Test
	void defaultContextSendsAndContinuesWorkflowsWithTheEmbeddedChordAndChainStores() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(WorkflowTemplate.class);
			assertThat(context).getBean(TaskOutcomeHandler.class).isInstanceOf(CanvasOutcomeHandler.class);
			assertThat(context).getBean(ChordStore.class).isInstanceOf(InMemoryChordStore.class);
			assertThat(context).getBean(ChainStore.class).isInstanceOf(InMemoryChainStore.class);
			assertThat(context.getBean(TaskRegistry.class).find(Workflows.MAP_TASK)).isPresent();
			assertThat(context.getBean(TaskRegistry.class).find(Workflows.STARMAP_TASK)).isPresent();
			assertThat(context.getBean(TaskRegistry.class).find("celery.collect"))
				.as("built-in tasks share one naming scheme")
				.isPresent();
		});
	}

	@Test
	void applicationChordStoreReplacesTheEmbeddedOne() {
		this.contextRunner.withUserConfiguration(CustomChordStoreConfiguration.class)
			.run((context) -> assertThat(context).getBean(ChordStore.class)
				.isSameAs(context.getBean(CustomChordStoreConfiguration.class).store));
	}

	@Test
	void publishOnlyInstanceCanStillSendWorkflows() {
		this.contextRunner.withPropertyValues("celerity.worker.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(WorkflowTemplate.class);
			assertThat(context).doesNotHaveBean(TaskRunner.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomChordStoreConfiguration {

		final ChordStore store = new InMemoryChordStore();

		@Bean
		ChordStore customChordStore() {
			return this.store;
		}

	}

}
