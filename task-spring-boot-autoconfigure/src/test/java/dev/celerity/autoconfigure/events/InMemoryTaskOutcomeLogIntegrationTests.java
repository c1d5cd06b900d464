package dev.celerity.autoconfigure.events;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;

/**
 * The outcome log on the embedded broker.
 */
class InMemoryTaskOutcomeLogIntegrationTests extends AbstractTaskOutcomeLogIntegrationTests {

	@Override
	protected ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class))
			.withBean(OutcomeLogTestTasks.class)
			.withPropertyValues("celerity.worker.fetch-wait=200ms");
	}

}
