package dev.celerity.control;

import java.util.Set;

/**
 * Applies control commands of some actions on this instance; every instance runs its handlers for each broadcast
 * command. Declare one as a bean to add an action (the rate limiter adds {@link ControlCommand#RATE_LIMIT}).
 */
public interface ControlCommandHandler {

	/**
	 * Returns the actions this handler applies.
	 * @return the action names
	 */
	Set<String> actions();

	/**
	 * Applies a command on this instance.
	 * @param command the command
	 * @return a short description of what was done, for the reply
	 * @throws RuntimeException if the command cannot be applied; the reply carries the message
	 */
	String apply(ControlCommand command);

}
