package dev.celerity.autoconfigure.schedule;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.core.NestedExceptionUtils;

import dev.celerity.api.Periodic;
import dev.celerity.api.Task;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.schedule.InvalidScheduleException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule that cannot work fails start-up, naming its bean and method (or property) and the bad value.
 */
class BeatStartupFailureTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class, BeatAutoConfiguration.class))
		.withPropertyValues("celerity.worker.enabled=false");

	@Test
	void invalidCronFailsNamingBeanMethodAndValue() {
		this.contextRunner.withBean("badCron", BadCron.class).run(failsWith((failure) -> {
			assertThat(failure.getMessage()).contains("@Periodic(cron = \"0 0 25 * * *\")", "bean 'badCron'",
					"method 'report'");
			FailureAnalysis analysis = new InvalidScheduleFailureAnalyzer().analyze(failure);
			assertThat(analysis.getAction()).contains("attribute 'cron'", "method 'report'", "bean 'badCron'");
		}));
	}

	@Test
	void invalidDurationFailsNamingTheAttributeAndValue() {
		this.contextRunner.withBean("badRate", BadRate.class)
			.run(failsWith((failure) -> assertThat(failure.getMessage())
				.contains("@Periodic(fixedRate = \"every minute\")", "bean 'badRate'", "method 'report'")));
	}

	@Test
	void invalidZoneFailsNamingTheValue() {
		this.contextRunner.withBean("badZone", BadZone.class)
			.run(failsWith((failure) -> assertThat(failure.getMessage())
				.contains("@Periodic(zone = \"Mars/Olympus\")", "bean 'badZone'")));
	}

	@Test
	void cronAndFixedRateTogetherFail() {
		this.contextRunner.withBean("both", BothTimings.class)
			.run(failsWith((failure) -> assertThat(failure.getMessage()).contains("set exactly one of cron and fixedRate")));
	}

	@Test
	void periodicOnAMethodThatIsNotATaskFails() {
		this.contextRunner.withBean("notATask", NotATask.class).run(failsWith((failure) -> {
			assertThat(failure.getMessage()).contains("@Periodic on bean 'notATask' method 'report'", "not a task");
			assertThat(new InvalidScheduleFailureAnalyzer().analyze(failure).getAction())
				.contains("Annotate method 'report' of bean 'notATask' with @Task");
		}));
	}

	@Test
	void taskTakingArgumentsTheScheduleDoesNotSupplyFails() {
		this.contextRunner.withBean("missingArgs", MissingArguments.class)
			.run(failsWith((failure) -> assertThat(failure.getMessage()).contains("bean 'missingArgs'",
					"method 'report'", "cannot take the schedule's arguments", "Missing argument 'recipient'")));
	}

	@Test
	void argumentOfTheWrongTypeFails() {
		this.contextRunner.withBean("wrongType", WrongArgumentType.class)
			.run(failsWith((failure) -> assertThat(failure.getMessage()).contains("@Periodic(args = \"[many]\")",
					"cannot be read as")));
	}

	@Test
	void configuredScheduleOfAnUnknownTaskFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("celerity.beat.schedules.cleanup.task=nothing.here",
					"celerity.beat.schedules.cleanup.every=1m")
			.run(failsWith((failure) -> {
				assertThat(failure.getMessage()).contains("celerity.beat.schedules.cleanup.task = \"nothing.here\"",
						"no task of that name");
				assertThat(new InvalidScheduleFailureAnalyzer().analyze(failure).getAction())
					.contains("property 'celerity.beat.schedules.cleanup.task'");
			}));
	}

	@Test
	void configuredScheduleWithAnInvalidCronFailsNamingTheProperty() {
		this.contextRunner.withBean("okTask", OkTask.class)
			.withPropertyValues("celerity.beat.schedules.nightly.task=okTask.report",
					"celerity.beat.schedules.nightly.cron=0 0 3 * *")
			.run(failsWith((failure) -> assertThat(failure.getMessage())
				.contains("celerity.beat.schedules.nightly.cron = \"0 0 3 * *\"")));
	}

	@Test
	void configuredScheduleWithAnInvalidDurationFailsNamingTheProperty() {
		this.contextRunner.withBean("okTask", OkTask.class)
			.withPropertyValues("celerity.beat.schedules.often.task=okTask.report",
					"celerity.beat.schedules.often.every=sometimes")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()).getMessage())
					.contains("sometimes");
				assertThat(context.getStartupFailure()).hasMessageContaining("celerity.beat");
			});
	}

	@Test
	void scheduleNameUsedTwiceFails() {
		this.contextRunner.withBean("okTask", OkTask.class)
			.withPropertyValues("celerity.beat.schedules.cleanup.task=okTask.report",
					"celerity.beat.schedules.cleanup.every=1m")
			.withBean("annotated", AnnotatedOkTask.class)
			.run(failsWith((failure) -> assertThat(failure.getMessage()).contains("already used by")));
	}

	@Test
	void disabledCronRegistersNoSchedule() {
		this.contextRunner.withBean("disabled", DisabledCron.class)
			.run((context) -> assertThat(context.getBean(dev.celerity.schedule.ScheduleRegistry.class).all())
				.isEmpty());
	}

	private static ContextConsumer<AssertableApplicationContext> failsWith(Consumer<InvalidScheduleException> check) {
		return (context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof InvalidScheduleException)) {
				failure = failure.getCause();
			}
			assertThat(failure).as("an InvalidScheduleException in %s", context.getStartupFailure())
				.isInstanceOf(InvalidScheduleException.class);
			check.accept((InvalidScheduleException) failure);
		};
	}

	static class BadCron {

		@Task
		@Periodic(cron = "0 0 25 * * *")
		public void report() {
		}

	}

	static class BadRate {

		@Task
		@Periodic(fixedRate = "every minute")
		public void report() {
		}

	}

	static class BadZone {

		@Task
		@Periodic(cron = "@daily", zone = "Mars/Olympus")
		public void report() {
		}

	}

	static class BothTimings {

		@Task
		@Periodic(cron = "@daily", fixedRate = "1h")
		public void report() {
		}

	}

	static class NotATask {

		@Periodic(fixedRate = "1m")
		public void report() {
		}

	}

	static class MissingArguments {

		@Task
		@Periodic(fixedRate = "1m")
		public void report(String recipient) {
		}

	}

	static class WrongArgumentType {

		@Task
		@Periodic(fixedRate = "1m", args = "many")
		public void report(int count) {
		}

	}

	static class OkTask {

		@Task
		public void report() {
		}

	}

	static class AnnotatedOkTask {

		@Task(name = "annotated.report")
		@Periodic(name = "cleanup", fixedRate = "1m")
		public void report() {
		}

	}

	static class DisabledCron {

		@Task
		@Periodic(cron = "${report.cron:-}")
		public void report() {
		}

	}

}
