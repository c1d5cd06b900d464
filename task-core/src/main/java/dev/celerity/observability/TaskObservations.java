package dev.celerity.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;

import dev.celerity.api.RemoteError;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.TaskMessage;
import dev.celerity.publish.PublishInterceptor;
import dev.celerity.worker.ExecutionInterceptor;

/**
 * Micrometer Observations around publishing and executing tasks. The publish observation writes the trace context
 * into the message's extra headers (through the registry's propagating handlers), and the execution observation
 * reads it back, so that with Micrometer Tracing a task's span is a child of its caller's. Both are tagged
 * {@value #TASK} and {@value #QUEUE}; an execution also {@value #OUTCOME} and {@value #EXCEPTION}, learnt from the
 * task events of its attempt. With Micrometer's meter handler (Spring Boot registers it) they are the timers of
 * every publish and every attempt.
 */
public class TaskObservations implements PublishInterceptor, ExecutionInterceptor, TaskEventListener {

	/** Observation of sending a task. */
	public static final String PUBLISH = "celerity.task.publish";

	/** Observation of running a task on a worker. */
	public static final String EXECUTE = "celerity.task.execute";

	/** Low-cardinality key of the task name. */
	public static final String TASK = "task";

	/** Low-cardinality key of the queue. */
	public static final String QUEUE = "queue";

	/** Low-cardinality key of how an attempt ended: success, failure, retry, revoked. */
	public static final String OUTCOME = "outcome";

	/** Low-cardinality key of the simple name of the exception a failed or retried attempt raised, or none. */
	public static final String EXCEPTION = "exception";

	private final ObservationRegistry registry;

	// the attempts being observed, by task id, for outcome events from any thread (a hard time limit settles the
	// attempt from the supervisor's thread); a retry is announced before its requeue, so the next attempt of the same
	// task never runs while this one is still here
	private final Map<String, ExecutionOutcome> running = new ConcurrentHashMap<>();

	/**
	 * Creates the observations.
	 * @param registry the application's observation registry
	 */
	public TaskObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean publish(TaskMessage message, Predicate<TaskMessage> publisher) {
		Map<String, String> carrier = new LinkedHashMap<>(message.headers().extra());
		SenderContext<Map<String, String>> context = new SenderContext<>(Map::put);
		context.setCarrier(carrier);
		context.setRemoteServiceName("celerity");
		Observation observation = Observation.createNotStarted(PUBLISH, () -> context, this.registry)
			.contextualName("publish " + message.task())
			.lowCardinalityKeyValues(tags(message, message.delivery().queue()))
			.highCardinalityKeyValue("celerity.task.id", message.id());
		// the propagating handler writes the trace context into the carrier when the observation starts
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			return publisher.test(message.withHeaders(message.headers().withExtra(carrier)));
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	@Override
	public void execute(TaskMessage message, String queue, Runnable attempt) {
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
		context.setCarrier(message.headers().extra());
		context.setRemoteServiceName("celerity");
		Observation observation = Observation.createNotStarted(EXECUTE, () -> context, this.registry)
			.contextualName("execute " + message.task())
			.lowCardinalityKeyValues(tags(message, queue))
			.highCardinalityKeyValue("celerity.task.id", message.id());
		ExecutionOutcome outcome = new ExecutionOutcome(message.id());
		this.running.put(message.id(), outcome);
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			attempt.run();
		}
		finally {
			this.running.remove(message.id(), outcome);
			outcome.applyTo(observation);
			observation.stop();
		}
	}

	@Override
	public void onEvent(TaskEvent event) {
		if (event instanceof TaskEvent.TaskSucceeded) {
			record(event, "success", null);
		}
		else if (event instanceof TaskEvent.TaskFailed failed) {
			record(event, "failure", failed.error());
		}
		else if (event instanceof TaskEvent.TaskRetried retried) {
			record(event, "retry", retried.error());
		}
		else if (event instanceof TaskEvent.TaskRevoked) {
			record(event, "revoked", null);
		}
	}

	private void record(TaskEvent event, String outcome, RemoteError error) {
		ExecutionOutcome attempt = this.running.get(event.taskId());
		if (attempt != null) {
			attempt.record(outcome, error);
		}
	}

	private static KeyValues tags(TaskMessage message, String queue) {
		return KeyValues.of(TASK, message.task(), QUEUE, (queue != null) ? queue : "unknown");
	}

}
