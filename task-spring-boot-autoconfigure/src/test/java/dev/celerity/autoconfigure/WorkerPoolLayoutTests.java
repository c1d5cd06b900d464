package dev.celerity.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerPool;
import dev.celerity.worker.WorkerPoolSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which pool of an instance consumes which queue.
 */
class WorkerPoolLayoutTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class));

	private final String[] threePools = { "celerity.worker.pools.high.queues=high",
			"celerity.worker.pools.high.concurrency=4", "celerity.worker.pools.high.prefetch=1",
			"celerity.worker.pools.standard.queues=default", "celerity.worker.pools.standard.concurrency=8",
			"celerity.worker.pools.low.queues=low", "celerity.worker.pools.low.concurrency=2",
			"celerity.worker.pools.low.prefetch=4" };

	@Test
	void withoutConfigurationOnePoolConsumesTheDefaultQueue() {
		this.contextRunner.run((context) -> assertThat(pools(context.getBean(Worker.class)))
			.extracting(WorkerPoolSettings::name, WorkerPoolSettings::queues)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("default", List.of("default"))));
	}

	@Test
	void declaredQueuesAreConsumedByTheDefaultPoolWhenNoPoolListsThem() {
		this.contextRunner.withPropertyValues("celerity.queues.high.default-priority=5", "celerity.queues.low.x=1")
			.run((context) -> assertThat(pools(context.getBean(Worker.class))).singleElement()
				.extracting(WorkerPoolSettings::queues)
				.isEqualTo(List.of("default", "high", "low")));
	}

	@Test
	void eachNamedPoolGetsItsOwnQueuesConcurrencyAndPrefetch() {
		this.contextRunner.withPropertyValues(this.threePools).run((context) -> {
			List<WorkerPoolSettings> pools = pools(context.getBean(Worker.class));
			assertThat(pools).extracting(WorkerPoolSettings::name).containsExactly("high", "standard", "low");
			assertThat(pools.get(0)).extracting(WorkerPoolSettings::concurrency, WorkerPoolSettings::prefetch)
				.containsExactly(4, 1);
			assertThat(pools.get(2)).extracting(WorkerPoolSettings::concurrency, WorkerPoolSettings::prefetch)
				.containsExactly(2, 4);
		});
	}

	@Test
	void theQueuesPropertySelectsWhatThisInstanceConsumesLikeCeleryDashQ() {
		this.contextRunner.withPropertyValues(this.threePools)
			.withPropertyValues("celerity.worker.queues=high,audit")
			.run((context) -> assertThat(pools(context.getBean(Worker.class)))
				.extracting(WorkerPoolSettings::name, WorkerPoolSettings::queues)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("default", List.of("audit")),
						org.assertj.core.groups.Tuple.tuple("high", List.of("high"))));
	}

	private static List<WorkerPoolSettings> pools(Worker worker) {
		return worker.pools().stream().map(WorkerPool::settings).toList();
	}

}
