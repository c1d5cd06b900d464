package dev.celerity.worker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Task;
import dev.celerity.api.TaskContext;
import dev.celerity.backend.TaskResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Custom states a running task reports through its context, stored by the worker while the message is leased.
 */
class WorkerCustomStateTests {

	private final Tasks tasks = new Tasks();

	private final WorkerFixture fixture = new WorkerFixture(this.tasks,
			new AnnotatedTimeLimitPolicy(Map.of(), TimeLimits.NONE));

	@AfterEach
	void stopWorker() {
		this.tasks.release.countDown();
		this.fixture.close();
	}

	@Test
	void customStateIsVisibleWhileTheTaskRunsAndReplacedByItsResult() {
		this.fixture.worker.start();
		AsyncResult<Object> result = this.fixture.template.send("stepped");
		await().untilAsserted(() -> assertThat(this.fixture.backend.find(result.id())).hasValueSatisfying((state) -> {
			assertThat(state.state()).isEqualTo("PROCESSING");
			assertThat(state.meta()).containsEntry("step", 1);
		}));
		assertThat(this.fixture.broker.stats("default").leased()).as("still running, not settled").isEqualTo(1);
		this.tasks.release.countDown();
		assertThat(result.get(Duration.ofSeconds(5))).isEqualTo("done");
		assertThat(this.fixture.backend.find(result.id())).map(TaskResult::state).hasValue("SUCCESS");
	}

	public static class Tasks {

		final CountDownLatch release = new CountDownLatch(1);

		@Task(name = "stepped")
		public String stepped(TaskContext context) throws InterruptedException {
			context.updateState("PROCESSING", Map.of("step", 1));
			return this.release.await(10, TimeUnit.SECONDS) ? "done" : "timed out";
		}

	}

}
