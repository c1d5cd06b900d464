package dev.celerity.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.worker.Worker;

/**
 * Enqueues no-op tasks and runs them to completion with results stored, on the Redis or the memory broker, and prints
 * enqueue rates (one call at a time, and batched), end-to-end throughput, pickup latency at a fixed rate, and Redis
 * commands per task (from {@code INFO commandstats}, counting those inside scripts).
 *
 * <p>Usage: {@code EndToEndBenchmark [redis|memory] [tasks] [redis-url]}; {@code -Dbench.concurrency=16} sets the
 * worker concurrency.
 */
public final class EndToEndBenchmark {

	private final String brokerType;

	private final int tasks;

	private final ConfigurableApplicationContext context;

	private EndToEndBenchmark(String brokerType, int tasks, String redisUrl, String keyPrefix) {
		this.brokerType = brokerType;
		this.tasks = tasks;
		this.context = BenchmarkApplication.start(brokerType, redisUrl, keyPrefix);
	}

	/**
	 * Runs the benchmark.
	 * @param args broker type ({@code redis} or {@code memory}), number of tasks, Redis URL
	 */
	public static void main(String[] args) {
		String type = (args.length > 0) ? args[0] : "redis";
		int tasks = (args.length > 1) ? Integer.parseInt(args[1]) : 50_000;
		String url = (args.length > 2) ? args[2] : "redis://127.0.0.1:6379";
		String prefix = "celerity-bench-" + UUID.randomUUID().toString().substring(0, 8);
		EndToEndBenchmark benchmark = new EndToEndBenchmark(type, tasks, url, prefix);
		try {
			benchmark.run();
		}
		finally {
			benchmark.cleanUp(prefix);
			benchmark.context.close();
		}
	}

	private void run() {
		Worker worker = this.context.getBean(Worker.class);
		BenchmarkApplication.Probe probe = this.context.getBean(BenchmarkApplication.Probe.class);
		TaskTemplate template = this.context.getBean(TaskTemplate.class);
		// warm-up: both paths, so that the JIT has compiled them
		sendOneByOne(template, 5_000);
		drain(worker, probe, 5_000);
		worker.stop();
		publishBatched(5_000);
		drain(worker, probe, 10_000);

		worker.stop();
		Map<String, Long> before = commandStats();
		double singleRate = rate(this.tasks, () -> sendOneByOne(template, this.tasks));
		long done = probe.succeeded.get();
		CpuUse cpuSingle = new CpuUse();
		double e2eSingle = rate(this.tasks, () -> drain(worker, probe, done + this.tasks));
		cpuSingle.stop();
		double commandsSingle = commandsPerTask(before, this.tasks);

		worker.stop();
		before = commandStats();
		double batchRate = rate(this.tasks, () -> publishBatched(this.tasks));
		long doneBatch = probe.succeeded.get();
		CpuUse cpuBatch = new CpuUse();
		double e2eBatch = rate(this.tasks, () -> drain(worker, probe, doneBatch + this.tasks));
		cpuBatch.stop();
		double commandsBatch = commandsPerTask(before, this.tasks);

		// pickup at a steady 100 tasks/s: a warm-up of two seconds first, then 2,000 measured tasks
		pickupLatency(template, probe, 100, 200);
		long[] latency = pickupLatency(template, probe, 100, 2_000);

		System.out.printf(Locale.ROOT, "%nCelerity end-to-end benchmark, %s broker, %d no-op tasks, results stored%n",
				this.brokerType, this.tasks);
		System.out.printf(Locale.ROOT, "enqueue, one call at a time : %,10.0f tasks/s%n", singleRate);
		System.out.printf(Locale.ROOT, "enqueue, batch (sendAll)    : %,10.0f tasks/s%n", batchRate);
		System.out.printf(Locale.ROOT, "end to end, queue prefilled : %,10.0f tasks/s (single-enqueued), %,.0f tasks/s "
				+ "(batch-enqueued)%n", e2eSingle, e2eBatch);
		System.out.printf(Locale.ROOT, "CPU per task, end to end    : %s (single-enqueued), %s (batch-enqueued)%n",
				cpuSingle.perTask(this.tasks), cpuBatch.perTask(this.tasks));
		System.out.printf(Locale.ROOT, "pickup latency at 100/s     : p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
				latency[0] / 1e6, latency[1] / 1e6, latency[2] / 1e6);
		if (commandsSingle >= 0) {
			System.out.printf(Locale.ROOT, "Redis commands per task     : %.2f (single enqueue + run + result), "
					+ "%.2f (batch enqueue + run + result)%n", commandsSingle, commandsBatch);
		}
	}

	private void sendOneByOne(TaskTemplate template, int count) {
		for (int i = 0; i < count; i++) {
			template.send("bench.noop", i);
		}
	}

	private void publishBatched(int count) {
		TaskTemplate template = this.context.getBean(TaskTemplate.class);
		List<Signature<Object>> batch = new ArrayList<>(1000);
		for (int i = 0; i < count; i++) {
			batch.add(Signature.of("bench.noop", i));
			if (batch.size() == 1000 || i == count - 1) {
				template.sendAll(batch);
				batch.clear();
			}
		}
	}

	private void drain(Worker worker, BenchmarkApplication.Probe probe, long target) {
		if (!worker.isRunning()) {
			worker.start();
		}
		awaitCondition(() -> probe.succeeded.get() >= target
				&& worker.pools().stream().allMatch((pool) -> pool.leased().isEmpty()));
	}

	private long[] pickupLatency(TaskTemplate template, BenchmarkApplication.Probe probe, int perSecond, int count) {
		probe.pickupNanos.clear();
		long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long next = System.nanoTime();
		for (int i = 0; i < count; i++) {
			LockSupport.parkNanos(next - System.nanoTime());
			template.send("bench.pickup", System.nanoTime());
			next += interval;
		}
		awaitCondition(() -> probe.pickupNanos.size() >= count);
		long[] sorted = probe.pickupNanos.stream().mapToLong(Long::longValue).sorted().toArray();
		return new long[] { sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1] };
	}

	private double commandsPerTask(Map<String, Long> before, int count) {
		Map<String, Long> after = commandStats();
		if (after.isEmpty()) {
			return -1;
		}
		long total = 0;
		StringBuilder breakdown = new StringBuilder();
		for (Map.Entry<String, Long> entry : new java.util.TreeMap<>(after).entrySet()) {
			long calls = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
			if (!entry.getKey().equals("info") && calls > 0) {
				total += calls;
				breakdown.append(String.format(Locale.ROOT, " %s=%.2f", entry.getKey(), (double) calls / count));
			}
		}
		if (Boolean.getBoolean("bench.commands")) {
			// -Dbench.commands=true shows which commands a task costs
			System.out.println("commands per task:" + breakdown);
		}
		return (double) total / count;
	}

	/**
	 * CPU time spent from its creation to {@link #stop()} by this JVM and by the Redis server: it moves far less than
	 * the rates when other programs share the machine.
	 */
	private final class CpuUse {

		private final long processStart = processCpuNanos();

		private final double redisStart = redisCpuSeconds();

		private long process;

		private double redis;

		void stop() {
			this.process = processCpuNanos() - this.processStart;
			this.redis = redisCpuSeconds() - this.redisStart;
		}

		String perTask(int count) {
			String jvm = String.format(Locale.ROOT, "JVM %.1f us", this.process / 1e3 / count);
			return (this.redis >= 0) ? jvm + String.format(Locale.ROOT, " + Redis %.1f us", this.redis * 1e6 / count)
					: jvm;
		}

	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** The Redis server's CPU time (user plus system), or a negative value without Redis. */
	private double redisCpuSeconds() {
		RedisConnectionFactory factory = this.context.getBeanProvider(RedisConnectionFactory.class).getIfAvailable();
		if (factory == null || !this.brokerType.equals("redis")) {
			return -1;
		}
		try (RedisConnection connection = factory.getConnection()) {
			Properties info = connection.serverCommands().info("cpu");
			return Double.parseDouble(info.getProperty("used_cpu_user"))
					+ Double.parseDouble(info.getProperty("used_cpu_sys"));
		}
	}

	private Map<String, Long> commandStats() {
		Map<String, Long> calls = new HashMap<>();
		RedisConnectionFactory factory = this.context.getBeanProvider(RedisConnectionFactory.class).getIfAvailable();
		if (factory == null || !this.brokerType.equals("redis")) {
			return calls;
		}
		try (RedisConnection connection = factory.getConnection()) {
			Properties info = connection.serverCommands().info("commandstats");
			info.forEach((key, value) -> {
				String name = key.toString();
				int at = name.indexOf("cmdstat_");
				for (String field : value.toString().split(",")) {
					if (at >= 0 && field.startsWith("calls=")) {
						calls.put(name.substring(at + 8), Long.parseLong(field.substring(6)));
					}
				}
			});
		}
		return calls;
	}

	private void cleanUp(String prefix) {
		RedisConnectionFactory factory = this.context.getBeanProvider(RedisConnectionFactory.class).getIfAvailable();
		if (factory == null || !this.brokerType.equals("redis")) {
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
		catch (RuntimeException ex) {
			System.err.println("Could not delete the benchmark keys " + prefix + "*: " + ex);
		}
	}

	private static double rate(int count, Runnable work) {
		long start = System.nanoTime();
		work.run();
		return count / (double) Duration.ofNanos(System.nanoTime() - start).toNanos() * 1e9;
	}

	private static void awaitCondition(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Benchmark did not finish within 5 minutes");
			}
			LockSupport.parkNanos(100_000);
		}
	}

	static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
