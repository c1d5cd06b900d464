package dev.celerity.autoconfigure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AliasFor;

import dev.celerity.api.Task;
import dev.celerity.ratelimit.RateLimit;
import dev.celerity.registry.DuplicateTaskNameException;
import dev.celerity.registry.InvalidTaskDefinitionException;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration of {@code @Task} methods at start-up and the errors that stop a bad one.
 */
class RegistrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class))
		.withPropertyValues("celerity.worker.enabled=false");

	@Test
	void taskWithoutNameIsRegisteredAsBeanNameDotMethodName() {
		this.contextRunner.withBean("reports", PlainTasks.class).run((context) -> {
			TaskRegistry registry = context.getBean(TaskRegistry.class);
			assertThat(registry.find("reports.build")).isPresent();
		});
	}

	@Test
	void annotationAttributesBecomeTheDefinitionWithPlaceholdersResolved() {
		this.contextRunner.withBean("billing", ConfiguredTasks.class)
			.withPropertyValues("billing.queue=payments")
			.run((context) -> {
				TaskDefinition charge = context.getBean(TaskRegistry.class).find("billing.charge").orElseThrow();
				assertThat(charge.queue()).isEqualTo("payments");
				assertThat(charge.priority()).isEqualTo(7);
				assertThat(charge.rateLimit()).isEqualTo(RateLimit.parse("100/m"));
				assertThat(charge.retryPolicy().maxRetries()).isEqualTo(5);
				assertThat(charge.retryPolicy().backoff()).isEqualTo(Duration.ofSeconds(2));
				assertThat(charge.retryPolicy().backoffMax()).isEqualTo(Duration.ofMinutes(1));
				assertThat(charge.retryPolicy().retriesOn(new IllegalStateException())).isTrue();
				assertThat(charge.retryPolicy().retriesOn(new IllegalArgumentException())).isFalse();
				assertThat(charge.ignoreResult()).isTrue();
			});
	}

	@Test
	void unsetAttributesTakeTheConfiguredDefaults() {
		this.contextRunner.withBean("reports", PlainTasks.class)
			.withPropertyValues("celerity.task.max-retries=7", "celerity.task.retry-delay=250ms")
			.run((context) -> {
				TaskDefinition build = context.getBean(TaskRegistry.class).find("reports.build").orElseThrow();
				assertThat(build.retryPolicy().maxRetries()).isEqualTo(7);
				assertThat(build.retryPolicy().defaultDelay()).isEqualTo(Duration.ofMillis(250));
				assertThat(build.queue()).isNull();
			});
	}

	@Test
	void composedAnnotationCarriesItsDefaultsAndAliases() {
		this.contextRunner.withBean("mail", ComposedTasks.class).run((context) -> {
			TaskDefinition send = context.getBean(TaskRegistry.class).find("mail.send").orElseThrow();
			assertThat(send.queue()).isEqualTo("mail");
			assertThat(send.retryPolicy().maxRetries()).isEqualTo(10);
			assertThat(send.retryPolicy().retriesOn(new java.io.UncheckedIOException(new java.io.IOException())))
				.isTrue();
		});
	}

	@Test
	void invalidRateLimitFailsStartUpNamingBeanMethodAndValue() {
		this.contextRunner.withBean("broken", BadRateLimitTasks.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.isInstanceOf(InvalidTaskDefinitionException.class)
				.hasMessageContaining("'broken'")
				.hasMessageContaining("'work'")
				.hasMessageContaining("rateLimit = \"lots/s\"");
		});
	}

	@Test
	void invalidPriorityAndDurationFailStartUp() {
		this.contextRunner.withBean("broken", BadPriorityTasks.class)
			.run((context) -> assertThat(context.getStartupFailure())
				.hasMessageContaining("priority = \"12\""));
		this.contextRunner.withBean("broken", BadBackoffTasks.class)
			.run((context) -> assertThat(context.getStartupFailure())
				.hasMessageContaining("retryBackoff = \"soon\""));
	}

	@Test
	void twoTasksWithOneNameFailStartUpNamingBothMethods() {
		this.contextRunner.withBean("first", DuplicateA.class).withBean("second", DuplicateB.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.isInstanceOf(DuplicateTaskNameException.class)
				.hasMessageContaining("first.run()")
				.hasMessageContaining("second.go()");
		});
	}

	@Test
	void unknownInterceptorNameFailsStartUp() {
		this.contextRunner.withBean("broken", UnknownInterceptorTasks.class)
			.run((context) -> assertThat(context.getStartupFailure())
				.hasMessageContaining("interceptors = \"missingInterceptor\""));
	}

	static class PlainTasks {

		@Task
		public String build(String name) {
			return name;
		}

	}

	static class ConfiguredTasks {

		@Task(queue = "${billing.queue}", priority = 7, rateLimit = "100/m", maxRetries = 5, retryBackoff = "2s",
				retryBackoffMax = "1m", autoretryFor = IllegalStateException.class, ignoreResult = true)
		public void charge(long orderId) {
		}

	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Task(queue = "mail", maxRetries = 10, autoretryFor = java.io.UncheckedIOException.class)
	@interface RetryableTask {

		@AliasFor(annotation = Task.class, attribute = "name")
		String value() default "";

	}

	static class ComposedTasks {

		@RetryableTask("mail.send")
		public void send(String to) {
		}

	}

	static class BadRateLimitTasks {

		@Task(rateLimit = "lots/s")
		public void work() {
		}

	}

	static class BadPriorityTasks {

		@Task(priority = 12)
		public void work() {
		}

	}

	static class BadBackoffTasks {

		@Task(retryBackoff = "soon")
		public void work() {
		}

	}

	static class DuplicateA {

		@Task(name = "same")
		public void run() {
		}

	}

	static class DuplicateB {

		@Task(name = "same")
		public void go() {
		}

	}

	static class UnknownInterceptorTasks {

		@Task(interceptors = "missingInterceptor")
		public void work() {
		}

	}

}
