package dev.celerity.routing;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.celerity.api.Signature;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.client.DefaultTaskTemplate;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.RetryPolicy;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.worker.RunnerSettings;
import dev.celerity.worker.TaskOutcomeHandler;
import dev.celerity.worker.TaskRunner;
import dev.celerity.worker.WorkerPool;
import dev.celerity.worker.WorkerPoolSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Priorities under load: a single-threaded pool starts every ready higher-priority message before any lower one.
 */
class StrictPriorityTests {

	private static final int MESSAGES = 10_000;

	private final List<Integer> started = new CopyOnWriteArrayList<>();

	@Test
	void tenThousandMixedPriorityMessagesStartHighestPriorityFirst() throws Exception {
		MessageCodec codec = new MessageCodec();
		TaskRegistry registry = new TaskRegistry();
		Method method = StrictPriorityTests.class.getMethod("record", int.class);
		method.setAccessible(true);
		registry.register(new TaskDefinition("record", "test", this, method, null, null, null,
				new RetryPolicy(0, List.of(), null, Duration.ofSeconds(1), false, Duration.ofSeconds(1)), true,
				List.of()));
		InMemoryBroker broker = new InMemoryBroker();
		InMemoryResultBackend backend = new InMemoryResultBackend(codec);
		DefaultTaskTemplate template = new DefaultTaskTemplate(codec, registry,
				new DefaultRouter(registry, "default", 0), broker, backend, TaskEventListener.NONE, Clock.systemUTC());
		Random random = new Random(42);
		for (int i = 0; i < MESSAGES; i++) {
			int priority = random.nextInt(10);
			template.send(Signature.of("record", priority).priority(priority));
		}
		TaskRunner runner = new TaskRunner(codec, registry, broker, backend, TaskEventListener.NONE,
				TaskOutcomeHandler.NONE, new RunnerSettings(Duration.ofMinutes(1), false), Clock.systemUTC());
		WorkerPool pool = new WorkerPool(new WorkerPoolSettings("single", List.of("default"), 1, 4, false,
				Duration.ofSeconds(30), Duration.ofMillis(200)), broker, runner);
		pool.start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> this.started.size() == MESSAGES);
		}
		finally {
			pool.stop(1000);
		}
		assertThat(this.started).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
		assertThat(this.started).contains(9, 0);
	}

	public void record(int priority) {
		this.started.add(priority);
	}

}
