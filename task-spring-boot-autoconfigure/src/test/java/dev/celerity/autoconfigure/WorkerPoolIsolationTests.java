package dev.celerity.autoconfigure;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.broker.Broker;
import dev.celerity.broker.memory.InMemoryBroker;

/**
 * Pool isolation and disjoint queues on the embedded broker.
 */
class WorkerPoolIsolationTests extends AbstractWorkerPoolIsolationTests {

	@Override
	protected ApplicationContextRunner contextRunner() {
		return runner(baseConfigurations());
	}

	@Override
	protected Class<? extends Broker> brokerType() {
		return InMemoryBroker.class;
	}

	@Override
	protected ApplicationContextRunner sharingOneBroker(ApplicationContextRunner runner) {
		Broker shared = new InMemoryBroker();
		return runner.withBean(Broker.class, () -> shared);
	}

}
