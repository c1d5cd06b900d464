package dev.celerity.control;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.celerity.api.TaskState;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.Broker;
import dev.celerity.broker.DeadLetter;
import dev.celerity.broker.QueueStats;

/**
 * Inspects and steers the cluster: live workers, queues, task states; revoke, purge, pause and resume, rate
 * limits. What every instance must apply goes through the {@link ControlBus}; what the shared broker does once is
 * done here.
 */
public class ClusterControl {

	private final Broker broker;

	private final ResultBackend backend;

	private final RevocationStore revocations;

	private final WorkerRegistry workers;

	private final ControlBus bus;

	private final Settings settings;

	private final Clock clock;

	/**
	 * Creates the control facade.
	 * @param broker the broker
	 * @param backend the result backend
	 * @param revocations where revoked ids are kept
	 * @param workers the live workers
	 * @param bus carries commands to every instance
	 * @param settings reply timeout and result time to live
	 * @param clock the clock
	 */
	public ClusterControl(Broker broker, ResultBackend backend, RevocationStore revocations, WorkerRegistry workers,
			ControlBus bus, Settings settings, Clock clock) {
		this.broker = broker;
		this.backend = backend;
		this.revocations = revocations;
		this.workers = workers;
		this.bus = bus;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Returns the live workers.
	 * @return their latest heartbeats
	 */
	public List<WorkerHeartbeat> workers() {
		return this.workers.live();
	}

	/**
	 * Counts a queue's messages.
	 * @param queue the queue
	 * @return its counts
	 */
	public QueueStats queue(String queue) {
		return this.broker.stats(queue);
	}

	/**
	 * Lists a queue's dead letters, oldest first.
	 * @param queue the queue
	 * @param max the most to return
	 * @return the dead letters
	 */
	public List<DeadLetter> deadLetters(String queue, int max) {
		return this.broker.deadLetters(queue, max);
	}

	/**
	 * Looks a task's state up.
	 * @param taskId the task id
	 * @return its stored state, empty when unknown (pending or expired)
	 */
	public Optional<TaskResult> task(String taskId) {
		return this.backend.find(taskId);
	}

	/**
	 * Revokes a task: a pending or delayed task never runs; with {@code terminate} a running attempt is
	 * interrupted. A task without a final state is marked {@code REVOKED} at once, so waiting callers return.
	 * @param taskId the task id
	 * @param terminate whether to interrupt the task if it runs now
	 * @return the instances that applied the revoke
	 */
	public ControlOutcome revoke(String taskId, boolean terminate) {
		this.revocations.revoke(taskId);
		Optional<TaskResult> current = this.backend.find(taskId);
		if (current.isEmpty() || !current.get().isReady()) {
			String name = current.map(TaskResult::taskName).orElse(null);
			this.backend.store(new TaskResult(taskId, name, TaskState.REVOKED.name(), null,
					Map.of("reason", terminate ? "revoked (terminate)" : "revoked"), null, this.clock.instant()),
					this.settings.resultTimeToLive());
		}
		return broadcast(ControlCommand.REVOKE, Map.of("task_id", taskId, "terminate", String.valueOf(terminate)));
	}

	/**
	 * Stops every instance from fetching a queue; messages already fetched still run.
	 * @param queue the queue
	 * @return the instances that paused it
	 */
	public ControlOutcome pause(String queue) {
		return broadcast(ControlCommand.PAUSE, Map.of("queue", queue));
	}

	/**
	 * Stops one instance from fetching a queue; messages it already fetched still run.
	 * @param queue the queue
	 * @param instanceId the instance's id
	 * @return the reply of that instance
	 */
	public ControlOutcome pause(String queue, String instanceId) {
		return broadcast(ControlCommand.PAUSE, Map.of("queue", queue, ControlCommand.INSTANCE, instanceId));
	}

	/**
	 * Lets one instance fetch a queue again.
	 * @param queue the queue
	 * @param instanceId the instance's id
	 * @return the reply of that instance
	 */
	public ControlOutcome resume(String queue, String instanceId) {
		return broadcast(ControlCommand.RESUME, Map.of("queue", queue, ControlCommand.INSTANCE, instanceId));
	}

	/**
	 * Lets every instance fetch a queue again.
	 * @param queue the queue
	 * @return the instances that resumed it
	 */
	public ControlOutcome resume(String queue) {
		return broadcast(ControlCommand.RESUME, Map.of("queue", queue));
	}

	/**
	 * Changes or removes a task's rate limit on every instance.
	 * @param taskName the task
	 * @param limit the new limit ({@code N/s}, {@code N/m}, {@code N/h}), or {@code null} to remove it
	 * @return the instances that applied it
	 */
	public ControlOutcome rateLimit(String taskName, String limit) {
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("task", taskName);
		if (limit != null) {
			arguments.put("limit", limit);
		}
		return broadcast(ControlCommand.RATE_LIMIT, arguments);
	}

	/**
	 * Removes every waiting message of a queue, once, in the shared broker.
	 * @param queue the queue
	 * @return how many messages were removed
	 */
	public long purge(String queue) {
		return this.broker.purge(queue);
	}

	/**
	 * Moves dead letters of a queue back into it.
	 * @param queue the queue
	 * @param max the most to move
	 * @return how many were moved
	 */
	public int replayDeadLetters(String queue, int max) {
		return this.broker.replayDeadLetters(queue, max);
	}

	/**
	 * Broadcasts any command, for actions added by other features.
	 * @param action the action
	 * @param arguments its arguments
	 * @return the instances that applied it
	 */
	public ControlOutcome broadcast(String action, Map<String, String> arguments) {
		ControlCommand command = ControlCommand.of(action, arguments);
		List<ControlReply> replies = this.bus.broadcast(command, this.settings.replyTimeout());
		return new ControlOutcome(command.id(), action, arguments, replies);
	}

	/**
	 * Settings of the control facade.
	 *
	 * @param replyTimeout how long a broadcast waits for the instances' replies
	 * @param resultTimeToLive how long a {@code REVOKED} state is kept
	 */
	public record Settings(Duration replyTimeout, Duration resultTimeToLive) {
	}

}
