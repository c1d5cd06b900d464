package dev.celerity.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import dev.celerity.api.Task;
import dev.celerity.events.TaskEvent;

/**
 * The application the end-to-end benchmark runs: one no-op task and counters of what happened.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BenchmarkApplication {

	/** The queue every benchmark sends to and consumes. */
	static final String QUEUE = "bench";

	/**
	 * Starts the application the benchmarks measure: one worker (16 threads unless {@code -Dbench.concurrency},
	 * prefetch 500 unless {@code -Dbench.prefetch}, both left to their defaults with {@code -Dbench.defaults=true}),
	 * results stored, on the given broker.
	 * @param brokerType {@code redis} or {@code memory}
	 * @param redisUrl the Redis to use
	 * @param keyPrefix a key prefix of this run's own
	 * @param sources further configuration classes (task beans)
	 * @return the running application
	 */
	static ConfigurableApplicationContext start(String brokerType, String redisUrl, String keyPrefix,
			Class<?>... sources) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("celerity.broker.type", brokerType);
		properties.put("spring.data.redis.url", redisUrl);
		properties.put("celerity.redis.key-prefix", keyPrefix);
		properties.put("celerity.default-queue", QUEUE);
		properties.put("celerity.worker.queues", QUEUE);
		if (!Boolean.getBoolean("bench.defaults")) {
			// -Dbench.defaults=true measures what a user gets without tuning
			properties.put("celerity.worker.concurrency", System.getProperty("bench.concurrency", "16"));
			properties.put("celerity.worker.prefetch", System.getProperty("bench.prefetch", "500"));
		}
		properties.put("logging.level.root", "WARN");
		return new SpringApplicationBuilder(BenchmarkApplication.class).sources(sources)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}


	@Bean
	BenchmarkTasks noOpTasks(Probe probe) {
		return new BenchmarkTasks(probe);
	}

	@Bean
	Probe probe() {
		return new Probe();
	}

	/**
	 * Counts finished tasks and records pickup latencies.
	 */
	public static class Probe {

		final AtomicLong succeeded = new AtomicLong();

		final ConcurrentLinkedQueue<Long> pickupNanos = new ConcurrentLinkedQueue<>();

		@EventListener
		public void onSucceeded(TaskEvent.TaskSucceeded event) {
			this.succeeded.incrementAndGet();
		}

	}

	/**
	 * The benchmarked tasks.
	 */
	public static class BenchmarkTasks {

		private final Probe probe;

		BenchmarkTasks(Probe probe) {
			this.probe = probe;
		}

		@Task(name = "bench.noop")
		public int noop(int value) {
			return value;
		}

		@Task(name = "bench.pickup")
		public void pickup(long sentAtNanos) {
			this.probe.pickupNanos.add(System.nanoTime() - sentAtNanos);
		}

	}

}
