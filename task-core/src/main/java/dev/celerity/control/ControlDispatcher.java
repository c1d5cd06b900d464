package dev.celerity.control;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a received command with this instance's handlers and builds the instance's reply.
 */
public class ControlDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(ControlDispatcher.class);

	private final InstanceIdentity instance;

	private final List<ControlCommandHandler> handlers;

	/**
	 * Creates a dispatcher.
	 * @param instance this instance
	 * @param handlers the handlers of this instance
	 */
	public ControlDispatcher(InstanceIdentity instance, List<ControlCommandHandler> handlers) {
		this.instance = instance;
		this.handlers = List.copyOf(handlers);
	}

	/**
	 * Applies a command with every handler of its action, unless it names another instance.
	 * @param command the command
	 * @return the reply: applied if a handler applied it without failing
	 */
	public ControlReply dispatch(ControlCommand command) {
		String target = command.arguments().get(ControlCommand.INSTANCE);
		if (target != null && !target.equals(this.instance.id())) {
			return new ControlReply(this.instance.id(), command.id(), false, "meant for " + target);
		}
		List<String> details = new ArrayList<>();
		boolean applied = false;
		for (ControlCommandHandler handler : this.handlers) {
			if (!handler.actions().contains(command.action())) {
				continue;
			}
			try {
				details.add(handler.apply(command));
				applied = true;
			}
			catch (RuntimeException ex) {
				logger.warn("Control command {} {} failed on this instance: {}", command.action(),
						command.arguments(), ex.toString());
				return new ControlReply(this.instance.id(), command.id(), false, String.valueOf(ex.getMessage()));
			}
		}
		String detail = applied ? String.join("; ", details) : "no handler for '" + command.action() + "'";
		return new ControlReply(this.instance.id(), command.id(), applied, detail);
	}

	/**
	 * Returns this instance.
	 * @return the identity
	 */
	public InstanceIdentity instance() {
		return this.instance;
	}

}
