package dev.celerity.benchmarks;

import java.time.Instant;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.celerity.backend.TaskResult;
import dev.celerity.backend.TaskResultFormat;
import dev.celerity.message.DeliveryInfo;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageEmbed;
import dev.celerity.message.MessageHeaders;
import dev.celerity.message.TaskMessage;

/**
 * The codec's hot path: a task message and a result encoded and decoded by the streaming formats the product uses,
 * next to the mapper's own (databind) reading and writing of the same records, and a plain JSON map round trip on the
 * same mapper settings as the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageCodecBenchmark {

	private final MessageCodec codec = new MessageCodec();

	private final TaskMessage message = new TaskMessage("5ef3903b-ce32-4f68-88f4-b8d51ba3a6bc", "orders.process",
			List.of(42, "EUR"), Map.of(), new MessageHeaders(0, null, null, "5ef3903b-ce32-4f68-88f4-b8d51ba3a6bc",
					null, null, Map.of()),
			new DeliveryInfo("default", 0, "queue:default,priority:default"), MessageEmbed.EMPTY);

	private final byte[] encodedMessage = this.codec.encode(this.message);

	private final TaskResult result = new TaskResult("5ef3903b-ce32-4f68-88f4-b8d51ba3a6bc", "orders.process",
			"SUCCESS", 42, Map.of(), null, Instant.parse("2026-11-26T12:00:00Z"));

	private final byte[] encodedResult = this.codec.write(this.result);

	private final Map<String, Object> plainMap = this.codec.read(this.encodedMessage, Map.class);

	@Benchmark
	public byte[] encodeMessage() {
		return this.codec.encode(this.message);
	}

	@Benchmark
	public TaskMessage decodeMessage() {
		return this.codec.decode(this.encodedMessage);
	}

	@Benchmark
	public byte[] encodeResult() {
		return TaskResultFormat.encode(this.codec, this.result);
	}

	@Benchmark
	public TaskResult decodeResult() {
		return TaskResultFormat.decode(this.codec, this.encodedResult);
	}

	@Benchmark
	public byte[] encodeMessageByMapper() {
		return this.codec.write(this.message);
	}

	@Benchmark
	public TaskMessage decodeMessageByMapper() {
		return this.codec.read(this.encodedMessage, TaskMessage.class);
	}

	@Benchmark
	public byte[] encodeResultByMapper() {
		return this.codec.write(this.result);
	}

	@Benchmark
	public TaskResult decodeResultByMapper() {
		return this.codec.read(this.encodedResult, TaskResult.class);
	}

	@Benchmark
	public Object baselineMapRoundTrip() {
		return this.codec.read(this.codec.write(this.plainMap), Map.class);
	}

}
