package dev.celerity.observability;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

import dev.celerity.api.Signature;
import dev.celerity.backend.memory.InMemoryChordStore;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.canvas.CanvasOutcomeHandler;
import dev.celerity.canvas.DefaultWorkflowTemplate;
import dev.celerity.canvas.Workflows;
import dev.celerity.client.DefaultTaskTemplate;
import dev.celerity.message.DeliveryInfo;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageEmbed;
import dev.celerity.message.MessageHeaders;
import dev.celerity.message.SignatureSpec;
import dev.celerity.message.TaskMessage;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.routing.DefaultRouter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workflow steps carry the trace context of whoever publishes them, like messages sent through the task template.
 */
class CanvasTraceContextTests {

	private final SimpleTracer tracer = new SimpleTracer();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final MessageCodec codec = new MessageCodec();

	private final TaskRegistry tasks = new TaskRegistry();

	private final DefaultRouter router = new DefaultRouter(this.tasks, "default", 0);

	private final InMemoryBroker broker = new InMemoryBroker();

	private final InMemoryResultBackend backend = new InMemoryResultBackend(this.codec);

	CanvasTraceContextTests() {
		Propagator propagator = new TraceParentPropagator(this.tracer);
		this.registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(this.tracer, propagator),
					new DefaultTracingObservationHandler(this.tracer)));
	}

	@Test
	void chainStepPublishedAfterATaskCarriesTheRunningTasksTrace() throws Exception {
		CanvasOutcomeHandler handler = new CanvasOutcomeHandler(this.codec, this.router, this.broker, this.backend,
				new InMemoryChordStore(), (event) -> {
				}, Duration.ofMinutes(5), Clock.systemUTC(), new TaskObservations(this.registry));
		SignatureSpec next = new SignatureSpec("steps.second", List.of(), Map.of(), Map.of(), false, null);
		TaskMessage first = new TaskMessage("first", "steps.first", List.of(), Map.of(),
				new MessageHeaders(0, null, null, "first", null, null, Map.of()), new DeliveryInfo("default", 0, null),
				new MessageEmbed(List.of(), List.of(), List.of(next), null));
		String traceId = inSpan(() -> handler.onSuccess(first, "one"));
		TaskMessage published = onlyMessage();
		assertThat(published.task()).isEqualTo("steps.second");
		assertThat(published.headers().extra()).hasEntrySatisfying("traceparent",
				(value) -> assertThat(value).startsWith(traceId + "-"));
	}

	@Test
	void groupMembersSentInOneBatchEachCarryTheCallersTrace() throws Exception {
		TaskObservations observations = new TaskObservations(this.registry);
		DefaultWorkflowTemplate workflows = new DefaultWorkflowTemplate(
				new DefaultTaskTemplate(this.codec, this.tasks, this.router, this.broker, this.backend, (event) -> {
				}, Clock.systemUTC(), observations),
				this.codec, this.router, this.broker, this.backend, (event) -> {
				}, Clock.systemUTC(), observations);
		String traceId = inSpan(() -> workflows
			.send(Workflows.group(Signature.of("steps.a"), Signature.of("steps.b"), Signature.of("steps.c"))));
		List<Delivery> deliveries = this.broker.fetch("default", 10, Duration.ofMinutes(1), Duration.ZERO);
		assertThat(deliveries).hasSize(3).allSatisfy((delivery) -> assertThat(
				this.codec.decode(delivery.body()).headers().extra().get("traceparent")).startsWith(traceId + "-"));
	}

	private String inSpan(Runnable action) {
		Observation caller = Observation.start("task.execution", this.registry);
		try (Observation.Scope scope = caller.openScope()) {
			action.run();
			return this.tracer.currentSpan().context().traceId();
		}
		finally {
			caller.stop();
		}
	}

	private TaskMessage onlyMessage() throws InterruptedException {
		List<Delivery> deliveries = this.broker.fetch("default", 10, Duration.ofMinutes(1), Duration.ZERO);
		assertThat(deliveries).hasSize(1);
		return this.codec.decode(deliveries.get(0).body());
	}

}
