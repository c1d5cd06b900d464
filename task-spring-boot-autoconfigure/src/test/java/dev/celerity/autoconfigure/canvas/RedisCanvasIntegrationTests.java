package dev.celerity.autoconfigure.canvas;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.autoconfigure.redis.RedisTestApplications;
import dev.celerity.backend.ChainStore;
import dev.celerity.backend.ChordStore;
import dev.celerity.backend.redis.RedisChainStore;
import dev.celerity.backend.redis.RedisChordStore;
import dev.celerity.broker.Broker;
import dev.celerity.broker.redis.RedisBroker;
import dev.celerity.canvas.Chain;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.events.TaskEvent;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The workflow contract on the Redis broker, result backend and chord store, with two worker instances sharing one
 * Redis: the first also sends the workflows, and either continues them. Every test has a key prefix of its own.
 */
@RequiresRedis
class RedisCanvasIntegrationTests extends AbstractCanvasIntegrationTests implements CanvasManualQueueContract {

	private final RedisTestContext redis;

	RedisCanvasIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@Override
	public void run(CanvasTest test) {
		// one instance of the test tasks and of the publish recorder serves both workers, so that counts add up
		CanvasTestTasks tasks = new CanvasTestTasks();
		PublishedEvents published = new PublishedEvents();
		ApplicationContextRunner runner = workerRunner(tasks, published);
		runner.run((first) -> runner.run((second) -> {
			assertThatNoStartupFailure(first);
			assertThatNoStartupFailure(second);
			test.run(first, first.getBean(TaskTemplate.class), first.getBean(WorkflowTemplate.class));
		}));
	}

	@Test
	void bothWorkerInstancesRunHeaderTasksOfOneChordOnRedis() {
		CanvasTestTasks tasks = new CanvasTestTasks();
		ApplicationContextRunner runner = workerRunner(tasks,
				new PublishedEvents());
		runner.withBean(InstanceRuns.class).run((first) -> runner.withBean(InstanceRuns.class).run((second) -> {
			assertThat(first).getBean(Broker.class).isInstanceOf(RedisBroker.class);
			assertThat(first).getBean(ChordStore.class).isInstanceOf(RedisChordStore.class);
			TaskTemplate template = first.getBean(TaskTemplate.class);
			AsyncResult<Integer> result = first.getBean(WorkflowTemplate.class)
				.send(chord(group(IntStream.range(0, 200).mapToObj((i) -> template.task(CanvasTestTasks::slow).s(i))),
						template.task(CanvasTestTasks::sum)));
			assertThat(result.get(WAIT)).isEqualTo(19900);
			assertThat(first.getBean(InstanceRuns.class).succeeded("canvas.slow")).isPositive();
			assertThat(second.getBean(InstanceRuns.class).succeeded("canvas.slow")).isPositive();
			assertThat(tasks.calls("sum")).isOne();
		}));
	}

	@Test
	void longChainKeepsItsStepsInOneExpiringKeyAndLeavesNoKeyBehindOnceItEndsOrFails() {
		workerRunner(new CanvasTestTasks(), new PublishedEvents()).run((context) -> {
			assertThatNoStartupFailure(context);
			String keyPrefix = context.getEnvironment().getProperty("celerity.redis.key-prefix");
			assertThat(context).getBean(ChainStore.class).isInstanceOf(RedisChainStore.class);
			TaskTemplate template = context.getBean(TaskTemplate.class);
			WorkflowTemplate workflows = context.getBean(WorkflowTemplate.class);
			Chain<Integer> waiting = chain(template.task(CanvasTestTasks::add).s(0, 1).queue(MANUAL_QUEUE));
			Chain<Integer> failing = chain(template.task(CanvasTestTasks::add).s(0, 1));
			for (int i = 1; i < 30; i++) {
				waiting = waiting.then(template.task(CanvasTestTasks::add), 1);
				failing = failing.then((i == 15) ? template.task(CanvasTestTasks::fail).signature()
						: template.task(CanvasTestTasks::add).signature().clone(1));
			}
			AsyncResult<Integer> result = workflows.send(waiting);
			byte[] chainKey = bytes(keyPrefix + ":chain:{" + CanvasLongChainContract.stepsOf(result).get(1).id() + "}");
			RedisConnectionFactory factory = context.getBean(RedisConnectionFactory.class);
			try (RedisConnection connection = factory.getConnection()) {
				assertThat(connection.listCommands().lLen(chainKey)).isEqualTo(29);
				assertThat(connection.keyCommands().pTtl(chainKey)).isPositive()
					.isLessThanOrEqualTo(Duration.ofDays(1).toMillis());
			}
			CanvasManualQueueContract.runManually(context);
			assertThat(result.get(WAIT)).isEqualTo(30);
			AsyncResult<Integer> failed = workflows.send(failing);
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> failed.get(WAIT));
			await().atMost(WAIT).untilAsserted(() -> {
				try (RedisConnection connection = factory.getConnection()) {
					assertThat(connection.keyCommands().keys(bytes(keyPrefix + ":chain:*"))).isEmpty();
				}
			});
		});
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	// one runner for both instances, so that both get the same key prefix
	private ApplicationContextRunner workerRunner(CanvasTestTasks tasks, PublishedEvents published) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class,
					CanvasAutoConfiguration.class))
			.withBean(CanvasTestTasks.class, () -> tasks)
			.withBean(PublishedEvents.class, () -> published)
			.withPropertyValues(RedisTestApplications.properties(this.redis, "celerity.worker.concurrency=4"));
	}

	private static void assertThatNoStartupFailure(AssertableApplicationContext context) {
		if (context.getStartupFailure() != null) {
			throw new AssertionError("Application failed to start", context.getStartupFailure());
		}
	}

	/**
	 * Counts the tasks one instance ran, by task name.
	 */
	static class InstanceRuns {

		private final Map<String, AtomicInteger> succeeded = new ConcurrentHashMap<>();

		@EventListener
		void onSucceeded(TaskEvent.TaskSucceeded event) {
			this.succeeded.computeIfAbsent(event.taskName(), (name) -> new AtomicInteger()).incrementAndGet();
		}

		int succeeded(String taskName) {
			return this.succeeded.getOrDefault(taskName, new AtomicInteger()).get();
		}

	}

}
