package dev.celerity.control;

import java.time.Duration;
import java.util.List;

/**
 * Carries control commands to every instance of the cluster and their replies back.
 */
public interface ControlBus {

	/**
	 * Sends a command to every instance (this one included) and collects their replies.
	 * @param command the command
	 * @param timeout how long to wait for replies
	 * @return the replies that arrived in time, one per instance
	 */
	List<ControlReply> broadcast(ControlCommand command, Duration timeout);

}
