package dev.celerity.autoconfigure.testing;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.celerity.api.Signature;
import dev.celerity.api.Task;
import dev.celerity.api.TaskOptions;
import dev.celerity.api.TaskTemplate;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.test.QueueDrainer;

import static dev.celerity.canvas.Workflows.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The README's {@code @SpringBootTest} recipe: the embedded broker, a real worker, and {@link QueueDrainer} to wait
 * until everything queued (including what tasks queue themselves) has run.
 */
@SpringBootTest(properties = { "celerity.broker.type=memory", "celerity.worker.concurrency=2",
		"celerity.worker.fetch-wait=100ms" })
@Import(QueueDrainer.class)
class QueueDrainerIntegrationTests {

	@Autowired
	private QueueDrainer drainer;

	@Autowired
	private TaskTemplate tasks;

	@Autowired
	private WorkflowTemplate workflows;

	@Autowired
	private DrainedTasks drainedTasks;

	@Test
	void drainWaitsForChainsAndDelayedTasksThatTasksQueue() {
		Signature<String> appendTo = this.tasks.task(DrainedTasks::appendTo).signature();
		this.workflows.send(chain(this.tasks.task(DrainedTasks::record).s("a"), appendTo.clone("b"), appendTo.clone("c")));
		this.tasks.task(DrainedTasks::fanOut).delay(3);
		this.tasks.task(DrainedTasks::record).applyAsync("later", TaskOptions.none().withCountdown(Duration.ofMillis(300)));
		this.drainer.drain(Duration.ofSeconds(10));
		assertThat(this.drainedTasks.seen).containsExactlyInAnyOrder("a", "ab", "abc", "fan-0", "fan-1", "fan-2",
				"later");
		assertThat(this.drainer.idle()).isTrue();
	}

	@Test
	void drainFailsNamingTheQueueWhenATaskIsStillRunningAtTheTimeout() {
		this.tasks.task(DrainedTasks::blockUntilReleased).delay();
		try {
			assertThatIllegalStateException().isThrownBy(() -> this.drainer.drain(Duration.ofMillis(300)))
				.withMessageContaining("not drained")
				.withMessageContaining("queue 'default'");
		}
		finally {
			this.drainedTasks.release.countDown();
		}
		this.drainer.drain(Duration.ofSeconds(10));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DrainedApplication {

		@Bean
		DrainedTasks drainedTasks(TaskTemplate tasks) {
			return new DrainedTasks(tasks);
		}

	}

	static class DrainedTasks {

		final Queue<String> seen = new ConcurrentLinkedQueue<>();

		final CountDownLatch release = new CountDownLatch(1);

		private final TaskTemplate tasks;

		DrainedTasks(TaskTemplate tasks) {
			this.tasks = tasks;
		}

		@Task(name = "drained.appendTo")
		public String appendTo(String prefix, String suffix) {
			return record(prefix + suffix);
		}

		@Task(name = "drained.record")
		public String record(String value) {
			this.seen.add(value);
			return value;
		}

		@Task(name = "drained.fanOut")
		public void fanOut(int count) {
			for (int i = 0; i < count; i++) {
				this.tasks.task(DrainedTasks::record)
					.applyAsync("fan-" + i, TaskOptions.none().withCountdown(Duration.ofMillis(100)));
			}
		}

		@Task(name = "drained.block")
		public void blockUntilReleased() {
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
