package dev.celerity.autoconfigure.testing;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.Task;
import dev.celerity.api.TaskOptions;
import dev.celerity.api.TaskState;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.canvas.CanvasAutoConfiguration;
import dev.celerity.broker.Broker;
import dev.celerity.broker.eager.EagerBroker;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.worker.Worker;

import static dev.celerity.canvas.Workflows.chain;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code celerity.eager=true}: each published task has run on the caller's thread when the call returns.
 */
class EagerModeTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class, CanvasAutoConfiguration.class))
		.withUserConfiguration(EagerTasksConfiguration.class)
		.withPropertyValues("celerity.eager=true");

	@Test
	void sendReturnsOnceTheTaskRanOnTheCallersThread() {
		this.contextRunner.run((context) -> {
			AsyncResult<String> result = context.getBean(TaskTemplate.class).task(EagerTasks::whereAmI).delay();
			assertThat(result.state()).isEqualTo(TaskState.SUCCESS);
			assertThat(result.get(Duration.ZERO)).isEqualTo(Thread.currentThread().getName());
		});
	}

	@Test
	void countdownIsIgnored() {
		this.contextRunner.run((context) -> {
			AsyncResult<String> result = context.getBean(TaskTemplate.class)
				.task(EagerTasks::whereAmI)
				.applyAsync(TaskOptions.none().withCountdown(Duration.ofHours(1)));
			assertThat(result.state()).isEqualTo(TaskState.SUCCESS);
		});
	}

	@Test
	void retriesRunAtOnceBeforeTheCallReturns() {
		this.contextRunner.run((context) -> {
			EagerTasks tasks = context.getBean(EagerTasks.class);
			AsyncResult<Integer> result = context.getBean(TaskTemplate.class).task(EagerTasks::flaky).delay(2);
			assertThat(result.state()).isEqualTo(TaskState.SUCCESS);
			assertThat(result.get(Duration.ZERO)).isEqualTo(3);
			assertThat(tasks.threads).hasSize(3).containsOnly(Thread.currentThread().getName());
		});
	}

	@Test
	void aChainHasRunToItsEndWhenTheCallReturns() {
		this.contextRunner.run((context) -> {
			Signature<Integer> add = context.getBean(TaskTemplate.class).task(EagerTasks::add).signature();
			AsyncResult<Object> result = context.getBean(WorkflowTemplate.class)
				.send(chain(add.clone(1, 2), add.clone(10)));
			assertThat(result.state()).isEqualTo(TaskState.SUCCESS);
			assertThat(result.get(Duration.ZERO)).isEqualTo(13);
		});
	}

	@Test
	void rateLimitsAreNotEnforced() {
		this.contextRunner.run((context) -> {
			TaskTemplate template = context.getBean(TaskTemplate.class);
			List<AsyncResult<Integer>> results = List.of(template.task(EagerTasks::limited).delay(1),
					template.task(EagerTasks::limited).delay(2), template.task(EagerTasks::limited).delay(3));
			assertThat(results).allSatisfy((result) -> assertThat(result.state()).isEqualTo(TaskState.SUCCESS));
		});
	}

	@Test
	void eagerModeDecoratesTheBrokerAndRunsNoWorker() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(Worker.class);
			assertThat(context.getBean(Broker.class)).isInstanceOf(EagerBroker.class);
		});
	}

	@Test
	void withoutEagerModeTheBrokerIsNotDecoratedAndAWorkerRuns() {
		this.contextRunner.withPropertyValues("celerity.eager=false").run((context) -> {
			assertThat(context).hasSingleBean(Worker.class);
			assertThat(context.getBean(Broker.class)).isNotInstanceOf(EagerBroker.class);
		});
	}

	@Test
	void eagerModeWithTheWorkerDisabledFailsAtStartUp() {
		this.contextRunner.withPropertyValues("celerity.worker.enabled=false")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("celerity.eager=true")
				.hasMessageContaining("celerity.worker.enabled=false"));
	}

	@Configuration(proxyBeanMethods = false)
	static class EagerTasksConfiguration {

		@Bean
		EagerTasks eagerTasks() {
			return new EagerTasks();
		}

	}

	static class EagerTasks {

		final Queue<String> threads = new ConcurrentLinkedQueue<>();

		private final AtomicInteger flakyAttempts = new AtomicInteger();

		@Task(name = "eager.whereAmI")
		public String whereAmI() {
			return Thread.currentThread().getName();
		}

		@Task(name = "eager.flaky", maxRetries = 5, autoretryFor = IllegalStateException.class)
		public int flaky(int failures) {
			this.threads.add(Thread.currentThread().getName());
			int attempt = this.flakyAttempts.incrementAndGet();
			if (attempt <= failures) {
				throw new IllegalStateException("attempt " + attempt + " fails");
			}
			return attempt;
		}

		@Task(name = "eager.add")
		public int add(int a, int b) {
			return a + b;
		}

		@Task(name = "eager.limited", rateLimit = "1/h")
		public int limited(int value) {
			return value;
		}

	}

}
