package dev.celerity.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.springframework.core.annotation.MergedAnnotation;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.memory.InMemoryChordStore;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.canvas.CanvasOutcomeHandler;
import dev.celerity.canvas.CanvasTasks;
import dev.celerity.canvas.Chain;
import dev.celerity.canvas.DefaultWorkflowTemplate;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.canvas.Workflows;
import dev.celerity.client.DefaultTaskTemplate;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskDefaults;
import dev.celerity.registry.TaskDefinitionFactory;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.routing.DefaultRouter;
import dev.celerity.routing.Router;
import dev.celerity.worker.RunnerSettings;
import dev.celerity.worker.TaskRunner;
import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerPool;
import dev.celerity.worker.WorkerPoolSettings;

/**
 * End-to-end workflow throughput on the embedded broker: a chord of N no-op header tasks (time until the body ran,
 * header tasks/s), a chain of M steps (steps/s), and plain no-op tasks in the same run for the ratio.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.celerity.benchmarks.CanvasThroughput [chordSize]
 * [chainLength] [threads] [rounds]}.
 */
public final class CanvasThroughput {

	private final TaskTemplate tasks;

	private final WorkflowTemplate workflows;

	private final Worker worker;

	private volatile CountDownLatch plainDone = new CountDownLatch(0);

	private CanvasThroughput(int threads) throws NoSuchMethodException {
		MessageCodec codec = new MessageCodec();
		Broker broker = new InMemoryBroker();
		ResultBackend backend = new InMemoryResultBackend(codec);
		TaskRegistry registry = new TaskRegistry();
		CanvasBenchmarkTasks bean = new CanvasBenchmarkTasks();
		TaskDefinitionFactory factory = new TaskDefinitionFactory(TaskDefaults.STANDARD, (value) -> value);
		for (String name : List.of("noop", "next")) {
			registry.register(factory.create("bench", bean, CanvasBenchmarkTasks.class.getMethod(name, int.class),
					MergedAnnotation.of(Task.class), List.of()));
		}
		registry.register(factory.create("bench", bean, CanvasBenchmarkTasks.class.getMethod("count", List.class),
				MergedAnnotation.of(Task.class), List.of()));
		new CanvasTasks(registry, codec).register();
		Clock clock = Clock.systemUTC();
		Router router = new DefaultRouter(registry, "default", 0);
		TaskEventListener events = (event) -> {
			if (event instanceof TaskEvent.TaskSucceeded) {
				this.plainDone.countDown();
			}
		};
		Duration ttl = Duration.ofMinutes(10);
		this.tasks = new DefaultTaskTemplate(codec, registry, router, broker, backend, TaskEventListener.NONE, clock);
		this.workflows = new DefaultWorkflowTemplate(this.tasks, codec, router, broker, backend,
				TaskEventListener.NONE, clock);
		CanvasOutcomeHandler handler = new CanvasOutcomeHandler(codec, router, broker, backend,
				new InMemoryChordStore(), TaskEventListener.NONE, ttl, clock);
		TaskRunner runner = new TaskRunner(codec, registry, broker, backend, events, handler,
				new RunnerSettings(ttl, false), clock);
		this.worker = new Worker(broker, List.of(new WorkerPool(new WorkerPoolSettings("bench", List.of("default"),
				threads, threads * 4, false, Duration.ofSeconds(30), Duration.ofMillis(100)), broker, runner)),
				Duration.ofSeconds(5));
	}

	public static void main(String[] args) throws Exception {
		int chordSize = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int chainLength = (args.length > 1) ? Integer.parseInt(args[1]) : 1_000;
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 2;
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 4;
		System.out.printf("chord of %d no-op tasks, chain of %d steps, %d worker threads, %d rounds (first is "
				+ "warm-up)%n", chordSize, chainLength, threads, rounds);
		CanvasThroughput benchmark = new CanvasThroughput(threads);
		benchmark.worker.start();
		try {
			for (int round = 0; round < rounds; round++) {
				double plain = benchmark.plain(chordSize);
				double chord = benchmark.chord(chordSize);
				double chain = benchmark.chain(chainLength);
				System.out.printf("round %d: plain %,.0f tasks/s | chord %,.0f header tasks/s (ratio %.2f) | chain "
						+ "%,.0f steps/s (ratio %.2f)%n", round, plain, chord, chord / plain, chain, chain / plain);
			}
		}
		finally {
			benchmark.worker.stop();
		}
	}

	private double plain(int count) throws InterruptedException {
		this.plainDone = new CountDownLatch(count);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			this.tasks.send("bench.noop", i);
		}
		if (!this.plainDone.await(5, TimeUnit.MINUTES)) {
			throw new IllegalStateException("Plain run incomplete");
		}
		return count / seconds(start);
	}

	private double chord(int size) {
		Signature<Integer> noop = Signature.of("bench.noop", Integer.class);
		long start = System.nanoTime();
		AsyncResult<Integer> body = this.workflows.send(Workflows.chord(
				Workflows.group(IntStream.range(0, size).mapToObj(noop::clone)),
				Signature.of("bench.count", Integer.class)));
		if (body.get(Duration.ofMinutes(5)) != size) {
			throw new IllegalStateException("Chord body saw the wrong number of results");
		}
		return size / seconds(start);
	}

	private double chain(int length) {
		Signature<Integer> next = Signature.of("bench.next", Integer.class);
		Chain<Integer> chain = Workflows.chain(next.clone(0));
		for (int i = 1; i < length; i++) {
			chain = chain.then(next);
		}
		long start = System.nanoTime();
		if (this.workflows.send(chain).get(Duration.ofMinutes(5)) != length) {
			throw new IllegalStateException("Chain ended with the wrong value");
		}
		return length / seconds(start);
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

}
