package dev.celerity.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.routing.CelerityRoutingAutoConfiguration;
import dev.celerity.broker.Broker;
import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pools per queue group, on every broker: a flooded pool does not delay another, and instances consume only the
 * queues they list. Subclasses supply the broker.
 */
abstract class AbstractWorkerPoolIsolationTests {

	/**
	 * Returns a runner for one application (or several sharing one broker) with the broker under test; each call
	 * starts from empty queues.
	 * @return the runner, with a base configuration of {@link #baseConfigurations()}
	 */
	protected abstract ApplicationContextRunner contextRunner();

	/**
	 * Returns the type of broker the variant runs on, checked by each test.
	 * @return the broker type
	 */
	protected abstract Class<? extends Broker> brokerType();

	/**
	 * Makes every application started from a runner use the same broker (a no-op for brokers that are shared by
	 * nature, such as Redis).
	 * @param runner the runner
	 * @return a runner whose applications share one broker
	 */
	protected ApplicationContextRunner sharingOneBroker(ApplicationContextRunner runner) {
		return runner;
	}

	/**
	 * Returns the auto-configurations every variant needs.
	 * @return Celerity's core and routing auto-configurations
	 */
	protected static Class<?>[] baseConfigurations() {
		return new Class<?>[] { CelerityAutoConfiguration.class, CelerityRoutingAutoConfiguration.class };
	}

	/**
	 * Returns a runner with the test tasks and the given auto-configurations.
	 * @param configurations the auto-configurations
	 * @return the runner
	 */
	protected static ApplicationContextRunner runner(Class<?>... configurations) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(configurations))
			.withUserConfiguration(QueueTasksConfiguration.class)
			.withPropertyValues("celerity.worker.shutdown-timeout=1s");
	}

	@Test
	void aSaturatedLowPoolDoesNotDelayHighPickup() {
		contextRunner()
			.withPropertyValues("celerity.worker.pools.high.queues=high", "celerity.worker.pools.high.concurrency=2",
					"celerity.worker.pools.high.prefetch=1", "celerity.worker.pools.low.queues=low",
					"celerity.worker.pools.low.concurrency=2", "celerity.worker.pools.low.prefetch=4")
			.run((context) -> {
				QueueTasks tasks = context.getBean(QueueTasks.class);
				TaskTemplate template = context.getBean(TaskTemplate.class);
				for (int i = 0; i < 500; i++) {
					template.send("bulk.work");
				}
				WorkerPool low = pool(context.getBean(Worker.class), "low");
				await().atMost(Duration.ofSeconds(10)).until(() -> low.activeCount() == 2);
				List<Long> pickupMillis = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					long sent = System.nanoTime();
					template.send("urgent.work", i);
					await().atMost(Duration.ofSeconds(10)).until(() -> !tasks.urgentStarts.isEmpty());
					pickupMillis.add(TimeUnit.NANOSECONDS.toMillis(tasks.urgentStarts.poll() - sent));
				}
				Broker broker = context.getBean(Broker.class);
				assertThat(broker).isInstanceOf(brokerType());
				assertThat(broker.depth("low")).isGreaterThan(400);
				// low's tasks never finish during the test, so high waiting behind them would never start at all;
				// the bounds leave room for a loaded CI machine (one slow sample) but not for queueing behind low
				List<Long> sorted = pickupMillis.stream().sorted().toList();
				assertThat(sorted.get(sorted.size() / 2)).as("median pickup latency of high while low is flooded")
					.isLessThan(100);
				assertThat(pickupMillis).as("pickup latency of high while low is flooded")
					.allSatisfy((millis) -> assertThat(millis).isLessThan(2000));
				System.out.println(getClass().getSimpleName() + ": high pickup latency while low is flooded (ms): "
						+ pickupMillis);
				broker.purge("low");
				tasks.release.countDown();
			});
	}

	@Test
	void twoInstancesWithDisjointQueuesEachRunOnlyTheirOwn() {
		ApplicationContextRunner instance = sharingOneBroker(contextRunner());
		instance.withPropertyValues("celerity.worker.queues=high").run((highInstance) -> {
			instance.withPropertyValues("celerity.worker.queues=low").run((lowInstance) -> {
				TaskTemplate template = highInstance.getBean(TaskTemplate.class);
				lowInstance.getBean(QueueTasks.class).release.countDown();
				for (int i = 0; i < 10; i++) {
					template.send("urgent.work", i);
					template.send("bulk.work");
				}
				QueueTasks high = highInstance.getBean(QueueTasks.class);
				QueueTasks low = lowInstance.getBean(QueueTasks.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> high.urgentStarts.size() == 10 && low.bulkRuns.getCount() == 0);
				assertThat(low.urgentStarts).isEmpty();
				assertThat(high.bulkRuns.getCount()).isEqualTo(10);
				Broker broker = highInstance.getBean(Broker.class);
				assertThat(broker).isInstanceOf(brokerType());
				assertThat(broker.depth("high") + broker.depth("low")).isZero();
			});
		});
	}

	@Test
	void aPoolConsumingMoreQueuesThanItHasRoomServesItsBusyQueueAndDelayedMessagesOnTime() {
		// room for 8 messages (concurrency + prefetch) and 11 queues, ten of them idle; default fetch wait
		List<String> queues = new ArrayList<>(List.of("default"));
		IntStream.rangeClosed(1, 10).forEach((i) -> queues.add("idle-" + i));
		contextRunner()
			.withPropertyValues("celerity.worker.concurrency=4", "celerity.worker.prefetch=4",
					"celerity.worker.queues=" + String.join(",", queues))
			.run((context) -> {
				assertThat(context.getBean(Worker.class).pools()).singleElement()
					.satisfies((pool) -> assertThat(pool.settings().queues()).hasSize(11));
				TaskTemplate template = context.getBean(TaskTemplate.class);
				QueueTasks tasks = context.getBean(QueueTasks.class);
				Instant sent = Instant.now();
				AsyncResult<Object> delayed = template
					.send(Signature.of("plain.add", 100, 1).countdown(Duration.ofSeconds(1)));
				List<AsyncResult<Object>> adds = IntStream.range(0, 10)
					.mapToObj((i) -> template.send(Signature.of("plain.add", i, i)))
					.toList();
				await().atMost(Duration.ofSeconds(5))
					.until(() -> delayed.ready() && adds.stream().allMatch(AsyncResult::ready));
				assertThat(adds).extracting((result) -> result.get(Duration.ofSeconds(1)))
					.containsExactlyElementsOf(IntStream.range(0, 10).mapToObj((i) -> (Object) (2 * i)).toList());
				assertThat(delayed.get(Duration.ofSeconds(1))).isEqualTo(101);
				assertThat(tasks.addStarts.get(100)).as("start of the task sent with a 1 s countdown")
					.isAfterOrEqualTo(sent.plusSeconds(1));
			});
	}

	private static WorkerPool pool(Worker worker, String name) {
		return worker.pools().stream().filter((pool) -> pool.settings().name().equals(name)).findFirst().orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class QueueTasksConfiguration {

		@Bean
		QueueTasks queueTasks() {
			return new QueueTasks();
		}

	}

	static class QueueTasks {

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch bulkRuns = new CountDownLatch(10);

		final ConcurrentLinkedQueue<Long> urgentStarts = new ConcurrentLinkedQueue<>();

		final Map<Integer, Instant> addStarts = new ConcurrentHashMap<>();

		@Task(name = "bulk.work", queue = "low")
		public void bulk() throws InterruptedException {
			this.release.await(30, TimeUnit.SECONDS);
			this.bulkRuns.countDown();
		}

		@Task(name = "plain.add")
		public int add(int a, int b) {
			this.addStarts.put(a, Instant.now());
			return a + b;
		}

		@Task(name = "urgent.work", queue = "high")
		public void urgent(int index) {
			this.urgentStarts.add(System.nanoTime());
		}

	}

}
