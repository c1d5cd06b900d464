package dev.celerity.autoconfigure.client;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The batch enqueue on the embedded broker.
 */
class InMemorySendAllIntegrationTests extends AbstractSendAllIntegrationTests {

	@Override
	protected ApplicationContextRunner brokerRunner() {
		return new ApplicationContextRunner().withConfiguration(celerity())
			.withPropertyValues("celerity.worker.concurrency=4");
	}

}
