package dev.celerity.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.canvas.Chain;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.canvas.Workflows;

/**
 * End-to-end workflow throughput on the Redis or the memory broker, with results stored: a chord of N no-op header
 * tasks (time until the body ran, header tasks/s), a chain of M steps (steps/s), and plain no-op tasks in the same
 * run for the ratios, enqueued one call at a time and in one batch (a chord's header is enqueued in one batch).
 *
 * <p>Usage: {@code CanvasThroughput [redis|memory] [chordSize] [chainLength] [rounds] [redis-url]};
 * {@code -Dbench.concurrency=16} sets the worker concurrency.
 */
public final class CanvasThroughput {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final ConfigurableApplicationContext context;

	private final BenchmarkApplication.Probe probe;

	private final TaskTemplate tasks;

	private final WorkflowTemplate workflows;

	private CanvasThroughput(String brokerType, String redisUrl, String keyPrefix) {
		this.context = BenchmarkApplication.start(brokerType, redisUrl, keyPrefix, CanvasBenchmarkTasks.class);
		this.probe = this.context.getBean(BenchmarkApplication.Probe.class);
		this.tasks = this.context.getBean(TaskTemplate.class);
		this.workflows = this.context.getBean(WorkflowTemplate.class);
	}

	/**
	 * Runs the benchmark.
	 * @param args broker type, chord size, chain length, rounds (the first is a warm-up), Redis URL
	 */
	public static void main(String[] args) {
		String type = (args.length > 0) ? args[0] : "redis";
		int chordSize = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
		int chainLength = (args.length > 2) ? Integer.parseInt(args[2]) : 1_000;
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 4;
		String url = (args.length > 4) ? args[4] : "redis://127.0.0.1:6379";
		String prefix = "celerity-bench-" + UUID.randomUUID().toString().substring(0, 8);
		System.out.printf(Locale.ROOT, "%s broker: chord of %d no-op tasks, chain of %d steps, %s worker threads, "
				+ "%d rounds (the first is a warm-up)%n", type, chordSize, chainLength,
				System.getProperty("bench.concurrency", "16"), rounds);
		CanvasThroughput benchmark = new CanvasThroughput(type, url, prefix);
		try {
			for (int round = 0; round < rounds; round++) {
				double plain = benchmark.plain(chordSize);
				double batch = benchmark.plainBatch(chordSize);
				double[] chord = benchmark.chord(chordSize);
				double chain = benchmark.chain(chainLength);
				System.out.printf(Locale.ROOT, "round %d: plain %,.0f tasks/s (batch-enqueued %,.0f) | chord: body "
						+ "after %.2f s, %,.0f header tasks/s (ratio %.2f to plain, %.2f to batch) | chain %,.0f "
						+ "steps/s (ratio %.3f to plain)%n", round, plain, batch, chord[0], chord[1], chord[1] / plain,
						chord[1] / batch, chain, chain / plain);
			}
		}
		finally {
			benchmark.cleanUp(type, prefix);
			benchmark.context.close();
		}
	}

	private double plain(int count) {
		long target = this.probe.succeeded.get() + count;
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			this.tasks.send("bench.noop", i);
		}
		awaitCondition(() -> this.probe.succeeded.get() >= target);
		return count / seconds(start);
	}

	private double plainBatch(int count) {
		TaskTemplate template = this.context.getBean(TaskTemplate.class);
		long target = this.probe.succeeded.get() + count;
		long start = System.nanoTime();
		List<Signature<Object>> batch = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			batch.add(Signature.of("bench.noop", i).queue(BenchmarkApplication.QUEUE));
		}
		template.sendAll(batch);
		awaitCondition(() -> this.probe.succeeded.get() >= target);
		return count / seconds(start);
	}

	private double[] chord(int size) {
		Signature<Integer> noop = Signature.of("bench.noop", Integer.class);
		long start = System.nanoTime();
		AsyncResult<Integer> body = this.workflows.send(Workflows.chord(
				Workflows.group(IntStream.range(0, size).mapToObj(noop::clone)),
				Signature.of("bench.count", Integer.class)));
		if (body.get(TIMEOUT) != size) {
			throw new IllegalStateException("Chord body saw the wrong number of results");
		}
		double seconds = seconds(start);
		return new double[] { seconds, size / seconds };
	}

	private double chain(int length) {
		Signature<Integer> next = Signature.of("bench.next", Integer.class);
		Chain<Integer> chain = Workflows.chain(next.clone(0));
		for (int i = 1; i < length; i++) {
			chain = chain.then(next);
		}
		long start = System.nanoTime();
		if (this.workflows.send(chain).get(TIMEOUT) != length) {
			throw new IllegalStateException("Chain ended with the wrong value");
		}
		return length / seconds(start);
	}

	private void cleanUp(String type, String prefix) {
		RedisConnectionFactory factory = this.context.getBeanProvider(RedisConnectionFactory.class).getIfAvailable();
		if (factory == null || !type.equals("redis")) {
			return;
		}
		try (RedisConnection connection = factory.getConnection();
				Cursor<byte[]> keys = connection.keyCommands()
					.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())) {
			List<byte[]> found = new ArrayList<>();
			keys.forEachRemaining(found::add);
			for (int i = 0; i < found.size(); i += 1000) {
				connection.keyCommands().del(found.subList(i, Math.min(found.size(), i + 1000)).toArray(byte[][]::new));
			}
		}
	}

	private static void awaitCondition(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Benchmark run incomplete");
			}
			LockSupport.parkNanos(1_000_000);
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

}
