package dev.celerity.worker;

import java.util.Set;

import dev.celerity.control.ControlCommand;
import dev.celerity.control.ControlCommandHandler;

/**
 * Applies the control commands that concern this instance's worker: terminate a revoked running task, pause and
 * resume fetching from a queue.
 */
public class WorkerControlHandler implements ControlCommandHandler {

	private final AttemptSupervisor supervisor;

	private final QueuePauses pauses;

	/**
	 * Creates a handler.
	 * @param supervisor the supervisor of this instance's running tasks
	 * @param pauses the paused queues of this instance
	 */
	public WorkerControlHandler(AttemptSupervisor supervisor, QueuePauses pauses) {
		this.supervisor = supervisor;
		this.pauses = pauses;
	}

	@Override
	public Set<String> actions() {
		return Set.of(ControlCommand.REVOKE, ControlCommand.PAUSE, ControlCommand.RESUME);
	}

	@Override
	public String apply(ControlCommand command) {
		return switch (command.action()) {
			case ControlCommand.REVOKE -> revoke(command);
			case ControlCommand.PAUSE -> this.pauses.pause(command.argument("queue")) ? "paused" : "already paused";
			case ControlCommand.RESUME -> this.pauses.resume(command.argument("queue")) ? "resumed" : "not paused";
			default -> throw new IllegalArgumentException("Unsupported action '" + command.action() + "'");
		};
	}

	private String revoke(ControlCommand command) {
		String taskId = command.argument("task_id");
		if (Boolean.parseBoolean(command.arguments().get("terminate")) && this.supervisor.terminate(taskId)) {
			return "revoked, terminated the running attempt";
		}
		return "revoked";
	}

}
