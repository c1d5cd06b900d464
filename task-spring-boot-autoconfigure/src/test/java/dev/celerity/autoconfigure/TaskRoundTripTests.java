package dev.celerity.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends tasks through the auto-configured template and reads their results back.
 */
class TaskRoundTripTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class))
		.withUserConfiguration(MathTasksConfiguration.class)
		.withPropertyValues("celerity.worker.concurrency=2");

	@Test
	void typeSafeCallReturnsTheTaskResult() {
		this.contextRunner.run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			AsyncResult<Integer> result = tasks.task(MathTasks::add).delay(2, 3);
			assertThat(result.get(Duration.ofSeconds(5))).isEqualTo(5);
		});
	}

	@Test
	void callByNameConvertsArgumentsToTheDeclaredGenericTypes() {
		this.contextRunner.run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			AsyncResult<Object> result = tasks.send("math.sum", List.of(1, 2, 3), Map.of("bonus", 4L));
			assertThat(result.get(Duration.ofSeconds(5))).isEqualTo(10);
			assertThat(tasks.result(result.id(), Long.class).get(Duration.ofSeconds(1))).isEqualTo(10L);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class MathTasksConfiguration {

		@Bean
		MathTasks mathTasks() {
			return new MathTasks();
		}

	}

	static class MathTasks {

		@Task
		public int add(int a, int b) {
			return a + b;
		}

		@Task(name = "math.sum")
		public long sum(List<Integer> values, Map<String, Long> extras) {
			return values.stream().mapToLong(Integer::longValue).sum()
					+ extras.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
