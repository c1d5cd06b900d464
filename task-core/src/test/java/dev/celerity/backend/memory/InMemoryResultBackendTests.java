package dev.celerity.backend.memory;

import dev.celerity.backend.AbstractResultBackendContractTests;
import dev.celerity.backend.ResultBackend;
import dev.celerity.message.MessageCodec;

/**
 * The result backend contract on the embedded backend; its "instances" share one JVM, so they are one backend.
 */
class InMemoryResultBackendTests extends AbstractResultBackendContractTests {

	private final ResultBackend backend = new InMemoryResultBackend(new MessageCodec());

	@Override
	protected ResultBackend createBackend() {
		return this.backend;
	}

}
