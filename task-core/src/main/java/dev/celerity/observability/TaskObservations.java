package dev.celerity.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;

import dev.celerity.publish.PublishInterceptor;
import dev.celerity.message.TaskMessage;
import dev.celerity.worker.ExecutionInterceptor;

/**
 * Micrometer Observations around publishing and executing tasks. The publish observation writes the trace context
 * into the message's extra headers (through the registry's propagating handlers), and the execution observation
 * reads it back, so that with Micrometer Tracing a task's span is a child of its caller's.
 */
public class TaskObservations implements PublishInterceptor, ExecutionInterceptor {

	/** Observation of sending a task. */
	public static final String PUBLISH = "celerity.task.publish";

	/** Observation of running a task on a worker. */
	public static final String EXECUTE = "celerity.task.execute";

	private final ObservationRegistry registry;

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
		Observation.createNotStarted(EXECUTE, () -> context, this.registry)
			.contextualName("execute " + message.task())
			.lowCardinalityKeyValues(tags(message, queue))
			.highCardinalityKeyValue("celerity.task.id", message.id())
			.observe(attempt);
	}

	private static KeyValues tags(TaskMessage message, String queue) {
		return KeyValues.of("celerity.task", message.task(), "celerity.queue", (queue != null) ? queue : "unknown");
	}

}
