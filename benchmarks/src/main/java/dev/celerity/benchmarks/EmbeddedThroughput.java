package dev.celerity.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.annotation.MergedAnnotation;

import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityProperties;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.client.DefaultTaskTemplate;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskDefaults;
import dev.celerity.registry.TaskDefinitionFactory;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.routing.DefaultRouter;
import dev.celerity.worker.RunnerSettings;
import dev.celerity.worker.TaskOutcomeHandler;
import dev.celerity.worker.TaskRunner;
import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerPool;
import dev.celerity.worker.WorkerPoolSettings;

/**
 * End-to-end throughput of the embedded broker for a no-op task (enqueue, run, result stored), against a plain
 * {@link ExecutorService} running the same no-op with the same number of threads and storing each result in a map
 * by task id, in the same JVM run. The pool has the settings a user gets by default (prefetch, lease, fetch wait of
 * {@link CelerityProperties}) unless a prefetch is given. Besides the rates, each round prints the process CPU time
 * per task of each side, which moves far less than the rates when other programs share the machine.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.celerity.benchmarks.EmbeddedThroughput [tasks]
 * [threads] [rounds] [prefetch]}.
 */
public final class EmbeddedThroughput {

	private EmbeddedThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int tasks = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 2;
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 5;
		int prefetch = (args.length > 3) ? Integer.parseInt(args[3]) : defaultPrefetch(threads);
		System.out.printf("no-op tasks: %d per round, %d worker threads, prefetch %d%s, %d rounds (first is warm-up)%n",
				tasks, threads, prefetch, (args.length > 3) ? "" : " (the default)", rounds);
		for (int round = 0; round < rounds; round++) {
			long executorCpu = processCpuNanos();
			double executor = executorBaseline(tasks, threads);
			long celerityCpu = processCpuNanos();
			double celerity = celerity(tasks, threads, prefetch);
			long end = processCpuNanos();
			System.out.printf("round %d: ExecutorService %,.0f tasks/s (%.2f us CPU/task) | Celerity embedded %,.0f "
					+ "tasks/s (%.2f us CPU/task) | ratio %.3f%n", round, executor,
					(celerityCpu - executorCpu) / 1e3 / tasks, celerity, (end - celerityCpu) / 1e3 / tasks,
					celerity / executor);
		}
	}

	/**
	 * The prefetch a pool gets when none is set, as the auto-configuration decides it: four per thread, at least 64.
	 */
	private static int defaultPrefetch(int threads) {
		return Math.max(64, 4 * threads);
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static double executorBaseline(int tasks, int threads) throws Exception {
		NoOpTasks target = new NoOpTasks();
		Map<String, Integer> results = new ConcurrentHashMap<>();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			long start = System.nanoTime();
			List<Future<?>> futures = new ArrayList<>(tasks);
			for (int i = 0; i < tasks; i++) {
				int n = i;
				String id = Integer.toString(n);
				futures.add(executor.submit(() -> results.put(id, target.noop(n))));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			return tasks / seconds(start);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static double celerity(int tasks, int threads, int prefetch) throws Exception {
		MessageCodec codec = new MessageCodec();
		Broker broker = new InMemoryBroker();
		ResultBackend backend = new InMemoryResultBackend(codec);
		TaskRegistry registry = new TaskRegistry();
		NoOpTasks bean = new NoOpTasks();
		registry.register(new TaskDefinitionFactory(TaskDefaults.STANDARD, (value) -> value).create("noOpTasks", bean,
				NoOpTasks.class.getMethod("noop", int.class), MergedAnnotation.of(Task.class), List.of()));
		CountDownLatch done = new CountDownLatch(tasks);
		AtomicInteger failures = new AtomicInteger();
		TaskEventListener events = (event) -> {
			if (event instanceof TaskEvent.TaskSucceeded) {
				done.countDown();
			}
			else if (event instanceof TaskEvent.TaskFailed || event instanceof TaskEvent.TaskRejected) {
				failures.incrementAndGet();
				done.countDown();
			}
		};
		Clock clock = Clock.systemUTC();
		TaskTemplate template = new DefaultTaskTemplate(codec, registry, new DefaultRouter(registry, "default", 0),
				broker, backend, TaskEventListener.NONE, clock);
		TaskRunner runner = new TaskRunner(codec, registry, broker, backend, events, TaskOutcomeHandler.NONE,
				new RunnerSettings(Duration.ofMinutes(10), false), clock);
		CelerityProperties.Worker defaults = new CelerityProperties().getWorker();
		WorkerPool pool = new WorkerPool(new WorkerPoolSettings("bench", List.of("default"), threads, prefetch, false,
				defaults.getLease(), defaults.getFetchWait()), broker, runner);
		Worker worker = new Worker(broker, List.of(pool), defaults.getShutdownTimeout());
		worker.start();
		try {
			long start = System.nanoTime();
			for (int i = 0; i < tasks; i++) {
				template.send("noOpTasks.noop", i);
			}
			if (!done.await(5, TimeUnit.MINUTES) || failures.get() > 0) {
				throw new IllegalStateException("Run incomplete: " + done.getCount() + " left, " + failures + " failed");
			}
			return tasks / seconds(start);
		}
		finally {
			worker.stop();
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

}
