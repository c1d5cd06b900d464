package dev.celerity.control;

import java.util.List;
import java.util.Map;

/**
 * The result of a broadcast control command: which instances applied it.
 *
 * @param commandId the command id
 * @param action the command's action
 * @param arguments the command's arguments
 * @param replies one reply per instance that answered in time
 */
public record ControlOutcome(String commandId, String action, Map<String, String> arguments,
		List<ControlReply> replies) {

	public ControlOutcome {
		arguments = Map.copyOf(arguments);
		replies = List.copyOf(replies);
	}

	/**
	 * Returns the instances that applied the command.
	 * @return their ids
	 */
	public List<String> appliedBy() {
		return this.replies.stream().filter(ControlReply::applied).map(ControlReply::instanceId).toList();
	}

}
