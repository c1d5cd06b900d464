package dev.celerity.broker.memory;

import dev.celerity.broker.AbstractBrokerContractTests;
import dev.celerity.broker.Broker;

/**
 * Runs the broker contract against the embedded broker.
 */
class InMemoryBrokerTests extends AbstractBrokerContractTests {

	@Override
	protected Broker createBroker() {
		return new InMemoryBroker();
	}

}
