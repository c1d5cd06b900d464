package dev.celerity.benchmarks;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
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
