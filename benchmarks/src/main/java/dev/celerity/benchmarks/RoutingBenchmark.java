package dev.celerity.benchmarks;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskOptions;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.client.DefaultTaskTemplate;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.TaskMessage;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.routing.DefaultRouter;

/**
 * JMH micro-benchmarks of the calling side's hot path: routing a call and building its message (the codec has
 * {@link MessageCodecBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {

	private MessageCodec codec;

	private DefaultTaskTemplate template;

	private DefaultRouter router;

	private Signature<Object> signature;

	@Setup
	public void setUp() {
		this.codec = new MessageCodec();
		TaskRegistry registry = new TaskRegistry();
		this.router = new DefaultRouter(registry, "default", 0);
		this.template = new DefaultTaskTemplate(this.codec, registry, this.router, new InMemoryBroker(),
				new InMemoryResultBackend(this.codec), (event) -> {
				}, Clock.systemUTC());
		this.signature = Signature.of("orders.ship", 42, "express", Map.of("weight", 1.5, "tags", List.of("a", "b")));
	}

	@Benchmark
	public TaskMessage buildMessage() {
		return this.template.toMessage(this.signature);
	}

	@Benchmark
	public Object route() {
		return this.router.route("orders.ship", List.of(42), Map.of(), TaskOptions.none());
	}

	@Benchmark
	public byte[] buildAndEncodeMessage() {
		return this.codec.encode(this.template.toMessage(this.signature));
	}

}
