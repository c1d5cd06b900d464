package dev.celerity.observability;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleTracer;

/**
 * A minimal W3C-like propagator for the simple tracer: {@code traceparent = traceId-spanId}.
 */
record TraceParentPropagator(SimpleTracer tracer) implements Propagator {

	@Override
	public List<String> fields() {
		return List.of("traceparent");
	}

	@Override
	public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
		setter.set(carrier, "traceparent", context.traceId() + "-" + context.spanId());
	}

	@Override
	public <C> Span.Builder extract(C carrier, Getter<C> getter) {
		String header = getter.get(carrier, "traceparent");
		if (header == null) {
			return this.tracer.spanBuilder();
		}
		String[] parts = header.split("-");
		TraceContext parent = this.tracer.traceContextBuilder().traceId(parts[0]).spanId(parts[1]).build();
		return this.tracer.spanBuilder().setParent(parent);
	}

}

