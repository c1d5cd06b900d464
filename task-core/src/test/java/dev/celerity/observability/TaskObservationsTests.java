package dev.celerity.observability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.celerity.api.Task;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.control.memory.InMemoryRevocationStore;
import dev.celerity.message.MessageCodec;
import dev.celerity.worker.TimeLimitPolicy;
import dev.celerity.worker.WorkerFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A task's span continues its caller's trace, through the message headers, with the Micrometer Tracing test tracer.
 */
class TaskObservationsTests {

	private final SimpleTracer tracer = new SimpleTracer();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final TracedTasks tasks = new TracedTasks(this.tracer);

	private WorkerFixture fixture;

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	@Test
	void taskSpanIsAChildOfTheCallersSpanInTheSameTrace() {
		Propagator propagator = new TraceParentPropagator(this.tracer);
		this.registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(this.tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(this.tracer, propagator),
					new DefaultTracingObservationHandler(this.tracer)));
		TaskObservations observations = new TaskObservations(this.registry);
		this.fixture = new WorkerFixture(this.tasks, TimeLimitPolicy.NONE, new InMemoryBroker(),
				new InMemoryResultBackend(new MessageCodec()), new InMemoryRevocationStore(Duration.ofMinutes(1)),
				observations, observations);
		this.fixture.worker.start();
		Observation caller = Observation.start("http.request", this.registry);
		String callerTraceId;
		try (Observation.Scope scope = caller.openScope()) {
			callerTraceId = this.tracer.currentSpan().context().traceId();
			this.fixture.template.send("traced.work").get(Duration.ofSeconds(5));
		}
		caller.stop();
		// the execution span ends after the result is stored, so just after the caller sees the result
		await().until(() -> this.tracer.getSpans().stream().anyMatch((span) -> span.getName().startsWith("execute")));
		SimpleSpan publish = span("publish traced.work");
		SimpleSpan execute = span("execute traced.work");
		assertThat(publish.getTraceId()).isEqualTo(callerTraceId);
		assertThat(execute.getTraceId()).isEqualTo(callerTraceId);
		assertThat(execute.getParentId()).isEqualTo(publish.getSpanId());
		assertThat(this.tasks.traceIdInTask.get()).isEqualTo(callerTraceId);
		assertThat(execute.getTags()).containsEntry("task", "traced.work")
			.containsEntry("queue", "default")
			.containsEntry("outcome", "success");
	}

	private SimpleSpan span(String name) {
		return this.tracer.getSpans().stream().filter((span) -> name.equals(span.getName())).findFirst()
			.orElseThrow(() -> new AssertionError("No span " + name + " in "
					+ this.tracer.getSpans().stream().map(SimpleSpan::getName).toList()));
	}

	public static class TracedTasks {

		private final Tracer tracer;

		final AtomicReference<String> traceIdInTask = new AtomicReference<>();

		TracedTasks(Tracer tracer) {
			this.tracer = tracer;
		}

		@Task(name = "traced.work")
		public String work() {
			this.traceIdInTask.set(this.tracer.currentSpan().context().traceId());
			return "done";
		}

	}

}
