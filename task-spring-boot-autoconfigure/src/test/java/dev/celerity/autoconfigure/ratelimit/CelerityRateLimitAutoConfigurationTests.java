package dev.celerity.autoconfigure.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.metrics.CelerityMetricsAutoConfiguration;
import dev.celerity.events.TaskEvent;
import dev.celerity.ratelimit.InvalidRateLimitKeyException;
import dev.celerity.ratelimit.LocalRateLimiter;
import dev.celerity.ratelimit.RateLimit;
import dev.celerity.ratelimit.RateLimiter;
import dev.celerity.ratelimit.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rate limits in a Spring Boot application on the embedded broker.
 */
class CelerityRateLimitAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class,
				CelerityRateLimitAutoConfiguration.class))
		.withUserConfiguration(LimitedTasksConfiguration.class)
		.withPropertyValues("celerity.worker.concurrency=1", "celerity.worker.prefetch=0",
				"celerity.worker.shutdown-timeout=1s");

	@Test
	void theEmbeddedBrokerGetsLocalBuckets() {
		this.contextRunner.run((context) -> assertThat(context).getBean(RateLimiter.class)
			.isInstanceOf(LocalRateLimiter.class));
	}

	@Test
	void aConfiguredLimitBeatsTheAnnotation() {
		this.contextRunner.withPropertyValues("celerity.rate-limits.limited.call=5/h")
			.run((context) -> assertThat(context.getBean(RateLimits.class).limitOf("limited.call"))
				.contains(RateLimit.parse("5/h")));
	}

	@Test
	void anInvalidConfiguredLimitFailsStartUpNamingTheTaskAndTheValue() {
		this.contextRunner.withPropertyValues("celerity.rate-limits.limited.call=10/d").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("celerity.rate-limits.limited.call")
				.hasMessageContaining("'10/d' for task 'limited.call'");
		});
	}

	@Test
	void anInvalidKeyExpressionFailsStartUpNamingTheTask() {
		this.contextRunner.withUserConfiguration(BadKeyConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasCauseInstanceOf(InvalidRateLimitKeyException.class)
				.hasStackTraceContaining("Invalid rateLimitKey '#user.(' of task 'bad.key'");
		});
	}

	@Test
	void aDeferredTaskDoesNotHoldTheWorkerThreadOrCountARetry() {
		this.contextRunner.run((context) -> {
			TaskTemplate template = context.getBean(TaskTemplate.class);
			LimitedTasks tasks = context.getBean(LimitedTasks.class);
			for (int i = 0; i < 3; i++) {
				template.send("limited.call", "call-" + i);
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> tasks.deferrals().size() == 2);
			long sent = System.nanoTime();
			template.send("unlimited.call");
			await().atMost(Duration.ofSeconds(1)).until(() -> tasks.unlimitedRuns == 1);
			assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(1));
			assertThat(tasks.limitedRuns).containsExactly("call-0");
			assertThat(tasks.deferrals()).allSatisfy((deferral) -> {
				assertThat(deferral.reason()).isEqualTo("rate limit 1/m");
				assertThat(deferral.until()).isAfter(java.time.Instant.now().plusSeconds(30));
			});
			assertThat(tasks.events).noneMatch(TaskEvent.TaskRetried.class::isInstance);
		});
	}

	@Test
	void keyedLimitsGiveEachKeyItsOwnBucket() {
		this.contextRunner.run((context) -> {
			TaskTemplate template = context.getBean(TaskTemplate.class);
			LimitedTasks tasks = context.getBean(LimitedTasks.class);
			template.send("per.user", "alice", 1);
			template.send("per.user", "alice", 2);
			template.send("per.user", "bob", 3);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> tasks.perUserRuns.size() == 2 && tasks.deferrals().size() == 1);
			assertThat(tasks.perUserRuns).containsExactlyInAnyOrder("alice-1", "bob-3");
			assertThat(tasks.deferrals().get(0).reason()).isEqualTo("rate limit 1/m for key 'alice'");
		});
	}

	@Test
	void raisingALimitAtRunTimeLetsTheNextTaskRunSoon() {
		this.contextRunner.withPropertyValues("celerity.rate-limiting.max-reservation=0s").run((context) -> {
			TaskTemplate template = context.getBean(TaskTemplate.class);
			LimitedTasks tasks = context.getBean(LimitedTasks.class);
			template.send("limited.call", "first");
			await().atMost(Duration.ofSeconds(5)).until(() -> tasks.limitedRuns.size() == 1);
			context.getBean(RateLimits.class).update("limited.call", "20/s");
			template.send("limited.call", "second");
			await().atMost(Duration.ofSeconds(2)).until(() -> tasks.limitedRuns.size() == 2);
		});
	}

	@Test
	void deferralsAreCountedByTask() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withConfiguration(AutoConfigurations.of(CelerityMetricsAutoConfiguration.class))
			.run((context) -> {
			TaskTemplate template = context.getBean(TaskTemplate.class);
			template.send("limited.call", "a");
			template.send("limited.call", "b");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> meters.find("celerity.task.deferred").tag("task", "limited.call").counter() != null);
			assertThat(meters.get("celerity.task.deferred").tag("task", "limited.call").counter().count())
				.isEqualTo(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class LimitedTasksConfiguration {

		@Bean
		LimitedTasks limitedTasks() {
			return new LimitedTasks();
		}

	}

	static class LimitedTasks {

		final List<String> limitedRuns = new CopyOnWriteArrayList<>();

		final List<String> perUserRuns = new CopyOnWriteArrayList<>();

		final List<TaskEvent> events = new CopyOnWriteArrayList<>();

		volatile int unlimitedRuns;

		@Task(name = "limited.call", rateLimit = "1/m")
		public void limited(String id) {
			this.limitedRuns.add(id);
		}

		@Task(name = "unlimited.call")
		public void unlimited() {
			this.unlimitedRuns++;
		}

		@Task(name = "per.user", rateLimit = "1/m", rateLimitKey = "#user")
		public void perUser(String user, int request) {
			this.perUserRuns.add(user + "-" + request);
		}

		@EventListener
		void onEvent(TaskEvent event) {
			this.events.add(event);
		}

		List<TaskEvent.TaskDeferred> deferrals() {
			return this.events.stream()
				.filter(TaskEvent.TaskDeferred.class::isInstance)
				.map(TaskEvent.TaskDeferred.class::cast)
				.toList();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadKeyConfiguration {

		@Bean
		BadKeyTasks badKeyTasks() {
			return new BadKeyTasks();
		}

	}

	static class BadKeyTasks {

		@Task(name = "bad.key", rateLimit = "1/s", rateLimitKey = "#user.(")
		public void run(String user) {
		}

	}

}
