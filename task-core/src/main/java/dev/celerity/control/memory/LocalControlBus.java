package dev.celerity.control.memory;

import java.time.Duration;
import java.util.List;

import dev.celerity.control.ControlBus;
import dev.celerity.control.ControlCommand;
import dev.celerity.control.ControlDispatcher;
import dev.celerity.control.ControlReply;

/**
 * The control bus of a single instance: a command is applied here and nowhere else.
 */
public class LocalControlBus implements ControlBus {

	private final ControlDispatcher dispatcher;

	/**
	 * Creates a bus.
	 * @param dispatcher this instance's dispatcher
	 */
	public LocalControlBus(ControlDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Override
	public List<ControlReply> broadcast(ControlCommand command, Duration timeout) {
		return List.of(this.dispatcher.dispatch(command));
	}

}
