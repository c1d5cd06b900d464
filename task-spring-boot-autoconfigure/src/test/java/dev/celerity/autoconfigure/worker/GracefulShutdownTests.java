package dev.celerity.autoconfigure.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.TaskTemplate;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.message.MessageCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping an application lets running tasks finish and gives unstarted messages back, so nothing is lost.
 */
class GracefulShutdownTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final Broker sharedBroker = new InMemoryBroker();

	private final ResultBackend sharedBackend = new InMemoryResultBackend(new MessageCodec());

	private final ApplicationContextRunner contextRunner = WorkerConfigurationTestSupport.runner()
		.withBean(Broker.class, () -> this.sharedBroker)
		.withBean(ResultBackend.class, () -> this.sharedBackend)
		.withPropertyValues("celerity.worker.concurrency=1", "celerity.worker.prefetch=4");

	@Test
	void stoppingFinishesTheRunningTaskAndReturnsPrefetchedOnesToAnotherInstance() {
		List<AsyncResult<Object>> results = new ArrayList<>();
		this.contextRunner.run((first) -> {
			WorkerTestTasks tasks = first.getBean(WorkerTestTasks.class);
			tasks.closeGate();
			TaskTemplate template = first.getBean(TaskTemplate.class);
			for (int i = 1; i <= 5; i++) {
				results.add(template.send("test.gated", i));
			}
			await().atMost(WAIT).until(() -> tasks.attempts("test.gated").size() == 1);
			CompletableFuture<Void> closing = CompletableFuture
				.runAsync(((ConfigurableApplicationContext) first.getSourceApplicationContext())::close);
			await().atMost(WAIT).until(() -> this.sharedBroker.depth("default") == 4);
			assertThat(closing).isNotDone();
			tasks.openGate();
			closing.get();
			assertThat(results.get(0).get(WAIT)).isEqualTo(1);
			assertThat(tasks.attempts("test.gated")).hasSize(1);
		});
		this.contextRunner.run((second) -> {
			for (int i = 1; i < 5; i++) {
				assertThat(results.get(i).get(WAIT)).isEqualTo(i + 1);
			}
			assertThat(second.getBean(WorkerTestTasks.class).attempts("test.gated")).hasSize(4);
		});
	}

	@Test
	void taskStillRunningAfterTheTimeoutIsGivenBackToTheBroker() {
		this.contextRunner.withPropertyValues("celerity.worker.shutdown-timeout=200ms").run((first) -> {
			WorkerTestTasks tasks = first.getBean(WorkerTestTasks.class);
			tasks.closeGate();
			AsyncResult<Object> result = first.getBean(TaskTemplate.class).send("test.gated", 7);
			await().atMost(WAIT).until(() -> tasks.attempts("test.gated").size() == 1);
			((ConfigurableApplicationContext) first.getSourceApplicationContext()).close();
			assertThat(this.sharedBroker.depth("default")).isOne();
			assertThat(result.ready()).isFalse();
		});
	}

}
