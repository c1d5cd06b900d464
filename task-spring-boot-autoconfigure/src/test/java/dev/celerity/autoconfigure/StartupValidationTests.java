package dev.celerity.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.worker.Worker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values that cannot work stop the start-up with Boot's failure report, naming the property, its value and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class,
				CelerityControlAutoConfiguration.class))
		.withPropertyValues("celerity.broker.type=memory", "celerity.worker.fetch-wait=100ms");

	@Test
	void zeroWorkerConcurrencyFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("celerity.worker.concurrency=0").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription())
				.isEqualTo("Invalid value '0' of property 'celerity.worker.concurrency': "
						+ "a pool runs at least one task at a time");
			assertThat(analysis.getAction()).startsWith("Set celerity.worker.concurrency to 1 or more");
		});
	}

	@Test
	void zeroConcurrencyOfANamedPoolFailsNamingThePoolsProperty() {
		this.contextRunner
			.withPropertyValues("celerity.worker.pools.reports.queues=reports",
					"celerity.worker.pools.reports.concurrency=0")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("'celerity.worker.pools.reports.concurrency'"));
	}

	@Test
	void negativePrefetchFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("celerity.worker.prefetch=-1")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("'-1' of property 'celerity.worker.prefetch'"));
	}

	@ParameterizedTest
	@CsvSource({ "celerity.worker.lease, 0s", "celerity.worker.lease, -10s", "celerity.result.time-to-live, -5s",
			"celerity.worker.shutdown-timeout, -1s", "celerity.worker.fetch-wait, 0ms", "celerity.task.retry-delay, -1s",
			"celerity.task.max-retries, -1" })
	void invalidDurationsAndCountsFailNamingTheProperty(String property, String value) {
		this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("of property '" + property + "'");
			assertThat(analysis.getAction()).startsWith("Set " + property + " to ");
		});
	}

	@Test
	void defaultPriorityOutsideZeroToNineFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("celerity.default-priority=12").run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).isEqualTo(
					"Invalid value '12' of property 'celerity.default-priority': priorities go from 0 to 9, higher runs first");
			assertThat(analysis.getAction()).contains("from 0 to 9");
		});
	}

	@Test
	void badValuesFailEvenOnAPublishOnlyInstance() {
		this.contextRunner.withPropertyValues("celerity.worker.enabled=false", "celerity.worker.concurrency=0")
			.run((context) -> assertThat(analysis(context).getDescription()).contains("celerity.worker.concurrency"));
	}

	@Test
	void unknownEventTypeFailsOnTheEmbeddedBroker() {
		this.contextRunner.withPropertyValues("celerity.control.event-stream.events=TaskSucceeded,TaskSucceded")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).isEqualTo("Invalid value 'TaskSucceded' of property "
						+ "'celerity.control.event-stream.events[1]': it is not a task event type (names are case-sensitive)");
				assertThat(analysis.getAction()).contains("TaskSucceeded", "TaskFailed", "TaskPublished");
			});
	}

	@Test
	void typeRedisWithoutSpringDataRedisFailsWithTheDependencyToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("celerity.broker.type=redis", "celerity.worker.enabled=false")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).isEqualTo("Invalid value 'redis' of property "
						+ "'celerity.broker.type': the Redis broker needs Spring Data Redis, which is not on the class path");
				assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis",
						"celerity.broker.type to memory");
			});
	}

	@Test
	void validValuesStart() {
		this.contextRunner
			.withPropertyValues("celerity.worker.concurrency=1", "celerity.default-priority=9",
					"celerity.control.event-stream.events=TaskFailed")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Worker.class));
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualThreadsOnAJvmWithoutThemLogAWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues("celerity.worker.virtual-threads=true", "celerity.worker.concurrency=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("WARN")
					.contains("celerity.worker.virtual-threads=true, but this JVM (Java "
							+ Runtime.version().feature() + ") has no virtual threads");
			});
	}

	@Test
	void virtualThreadsFollowingSpringThreadsLogNoWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true", "celerity.worker.concurrency=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("celerity.worker.virtual-threads");
			});
	}

	private static FailureAnalysis analysis(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new InvalidCelerityPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("analysed as an invalid Celerity property").isNotNull();
		return analysis;
	}

}
