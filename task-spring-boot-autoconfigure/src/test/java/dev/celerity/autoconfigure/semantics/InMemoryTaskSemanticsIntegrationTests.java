package dev.celerity.autoconfigure.semantics;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The call semantics on the embedded broker and result backend.
 */
class InMemoryTaskSemanticsIntegrationTests extends AbstractTaskSemanticsIntegrationTests {

	@Override
	protected ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(celerity())
			.withBean(SemanticsTestTasks.class)
			.withPropertyValues("celerity.worker.concurrency=4", "celerity.worker.fetch-wait=200ms");
	}

}
