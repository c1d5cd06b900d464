package dev.celerity.worker;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.celerity.api.RemoteError;
import dev.celerity.api.TaskRejectedException;
import dev.celerity.api.TaskState;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.Broker;
import dev.celerity.broker.Delivery;
import dev.celerity.control.RevocationStore;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.ArgumentBinder;
import dev.celerity.message.ArgumentBindingException;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageDecodingException;
import dev.celerity.message.TaskMessage;
import dev.celerity.publish.NextAttempts;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;

/**
 * Runs one leased message: decodes it, finds its task, drops it if expired, binds its arguments, invokes the task
 * and records the outcome. A message that cannot run goes to the dead-letter store; nothing throws out of here.
 */
public class TaskRunner {

	private final MessageCodec codec;

	private final NextAttempts nextAttempts;

	private final TaskRegistry registry;

	private final ArgumentBinder binder;

	private final TaskEventListener events;

	private final Clock clock;

	private final AttemptOutcomes outcomes;

	private final DeliverySettler settler;

	private final RevocationStore revocations;

	private final ExecutionInterceptor execution;

	private final AdmissionControl admissionControl;

	private final TaskOutcomeHandler outcomeHandler;

	/**
	 * Creates a runner.
	 * @param codec the message codec
	 * @param registry the tasks this instance can run
	 * @param broker the broker the messages come from
	 * @param backend where states and results go
	 * @param events where events go
	 * @param outcomeHandler what continues a workflow after a task
	 * @param settings result time to live and state tracking
	 * @param clock the clock
	 */
	public TaskRunner(MessageCodec codec, TaskRegistry registry, Broker broker, ResultBackend backend,
			TaskEventListener events, TaskOutcomeHandler outcomeHandler, RunnerSettings settings, Clock clock) {
		this(codec, registry, broker, backend, events, outcomeHandler, AdmissionControl.NONE, settings, clock);
	}

	/**
	 * Creates a runner that asks an admission control (rate limits) before each attempt.
	 * @param codec the message codec
	 * @param registry the tasks this instance can run
	 * @param broker the broker the messages come from
	 * @param backend where states and results go
	 * @param events where events go
	 * @param outcomeHandler what continues a workflow after a task
	 * @param admissionControl decides whether a message runs now or is deferred
	 * @param settings result time to live and state tracking
	 * @param clock the clock
	 */
	public TaskRunner(MessageCodec codec, TaskRegistry registry, Broker broker, ResultBackend backend,
			TaskEventListener events, TaskOutcomeHandler outcomeHandler, AdmissionControl admissionControl,
			RunnerSettings settings, Clock clock) {
		this(codec, registry, broker, backend, events, outcomeHandler, admissionControl, settings, clock,
				RunnerHooks.none());
	}

	/**
	 * Creates a runner with admission control and hooks: revoked tasks are skipped, running ones supervised (time
	 * limits, terminate) and each attempt intercepted.
	 * @param codec the message codec
	 * @param registry the tasks this instance can run
	 * @param broker the broker the messages come from
	 * @param backend where states and results go
	 * @param events where events go
	 * @param outcomeHandler what continues a workflow after a task
	 * @param admissionControl decides whether a message runs now or is deferred
	 * @param settings result time to live and state tracking
	 * @param clock the clock
	 * @param hooks revocations, time limits and terminate, interception of each attempt
	 */
	public TaskRunner(MessageCodec codec, TaskRegistry registry, Broker broker, ResultBackend backend,
			TaskEventListener events, TaskOutcomeHandler outcomeHandler, AdmissionControl admissionControl,
			RunnerSettings settings, Clock clock, RunnerHooks hooks) {
		this.admissionControl = admissionControl;
		this.outcomeHandler = outcomeHandler;
		this.revocations = hooks.revocations();
		this.execution = hooks.execution();
		this.codec = codec;
		this.nextAttempts = new NextAttempts(codec);
		this.registry = registry;
		this.binder = new ArgumentBinder(codec);
		this.events = events;
		this.clock = clock;
		this.settler = new DeliverySettler(broker, backend, settings.resultTimeToLive(), settings.settleTimeout());
		this.outcomes = new AttemptOutcomes(codec, events, outcomeHandler, settings, clock, hooks.supervisor(),
				this.settler);
	}

	/**
	 * Returns what settles this runner's messages and stores their states, for the pool that gives messages back
	 * and listens for settled ones.
	 * @return the settler
	 */
	DeliverySettler settler() {
		return this.settler;
	}

	/**
	 * Runs one message to its end and settles it with the broker (acknowledged, requeued or dead-lettered).
	 * Acknowledgements and results of tasks that finish together are written together: when this returns, the
	 * message's acknowledgement is written, or being written by another thread of the same runner.
	 * @param delivery the leased message
	 */
	public void run(Delivery delivery) {
		try {
			runOnce(delivery);
		}
		finally {
			this.settler.flush();
		}
	}

	private void runOnce(Delivery delivery) {
		TaskMessage message;
		try {
			message = this.codec.decode(delivery.body());
		}
		catch (MessageDecodingException ex) {
			reject(delivery, null, ex.getMessage());
			return;
		}
		TaskDefinition definition = this.registry.find(message.task()).orElse(null);
		if (definition == null) {
			reject(delivery, message, "Unknown task '" + message.task() + "': no worker on queue '"
					+ delivery.queue() + "' registers it");
			return;
		}
		this.events.onEvent(new TaskEvent.TaskReceived(message.id(), message.task(), delivery.queue(),
				delivery.redelivered()));
		Instant now = this.clock.instant();
		if (message.headers().expires() != null && now.isAfter(message.headers().expires())) {
			this.outcomes.revoke(delivery, message, "expired at " + message.headers().expires());
			return;
		}
		if (this.revocations.isRevoked(message.id())) {
			this.outcomes.revoke(delivery, message, "revoked");
			return;
		}
		RunningTaskContext context = new RunningTaskContext(message, delivery, this.settler, this.clock);
		Object[] arguments;
		try {
			arguments = this.binder.bind(definition.method(), message.args(), message.kwargs(), context);
		}
		catch (ArgumentBindingException ex) {
			reject(delivery, message, ex.getMessage());
			return;
		}
		Admission admission = this.admissionControl.admit(definition, message, arguments);
		if (!admission.admitted()) {
			defer(delivery, message, admission);
			return;
		}
		this.execution.execute(message, delivery.queue(),
				() -> this.outcomes.attempt(delivery, definition, context, arguments));
	}

	private void defer(Delivery delivery, TaskMessage message, Admission admission) {
		NextAttempts.Attempt next = this.nextAttempts.deferral(message, delivery.queue(), delivery.priority(),
				admission.deferUntil(), admission.headers());
		// announced before the requeue: once requeued, another thread may receive the deferred message at once
		this.events.onEvent(new TaskEvent.TaskDeferred(message.id(), message.task(), delivery.queue(),
				admission.deferUntil(), admission.reason()));
		this.settler.requeue(delivery, null, next.outbound());
	}

	private void reject(Delivery delivery, TaskMessage message, String reason) {
		if (message != null) {
			failDeadLettered(delivery, message, reason);
		}
		else {
			this.settler.deadLetter(delivery, null, null, reason);
		}
		this.events.onEvent(new TaskEvent.TaskRejected(delivery.id(), (message != null) ? message.task() : null,
				delivery.queue(), reason));
	}

	/**
	 * Fails a dead-lettered task, before its message leaves the lease (so a crash repeats this): its result becomes a
	 * failure with the dead-letter reason, so that no caller waits for it, and for a workflow step the workflow
	 * handler runs its error callbacks, settles the rest of its chain and fails its chord. The dead letter itself is
	 * kept for replay, which overwrites the failure when the task runs.
	 */
	private void failDeadLettered(Delivery delivery, TaskMessage message, String reason) {
		RemoteError error = new RemoteError(TaskRejectedException.class.getName(),
				new TaskRejectedException(message.id(), reason).getMessage(), List.of());
		TaskResult failure = new TaskResult(message.id(), message.task(), TaskState.FAILURE.name(), null,
				Map.of("dead_lettered", true), error, this.clock.instant());
		this.settler.deadLetter(delivery, failure,
				isWorkflowStep(message) ? () -> this.outcomeHandler.onFailure(message, error) : null, reason);
	}

	private static boolean isWorkflowStep(TaskMessage message) {
		return !message.embed().isEmpty() || message.headers().group() != null;
	}

}
