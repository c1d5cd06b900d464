package dev.celerity.autoconfigure.schedule;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import dev.celerity.api.MissedTickPolicy;
import dev.celerity.api.Periodic;
import dev.celerity.api.Task;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.schedule.PeriodicSchedules;
import dev.celerity.schedule.ScheduleDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code README ("Periodic tasks")}: the annotated tasks and the {@code application.yml} start and declare the
 * schedules the documentation describes.
 */
class PeriodicDocumentationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class, BeatAutoConfiguration.class))
		.withBean(ReportTasks.class)
		.withBean("sessions", SessionTasks.class)
		.withBean("mail", MailTasks.class)
		.withInitializer((context) -> {
			try {
				new YamlPropertySourceLoader().load("docs", new ClassPathResource("docs/periodic.yml"))
					.forEach(context.getEnvironment().getPropertySources()::addFirst);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		})
		.withPropertyValues("celerity.worker.enabled=false", "celerity.beat.enabled=false");

	@Test
	void documentedSchedulesAreDeclared() {
		this.contextRunner.run((context) -> {
			PeriodicSchedules periodicSchedules = context.getBean(PeriodicSchedules.class);
			// Snippet "read API" of README ("Periodic tasks"):
			for (ScheduleDescriptor schedule : periodicSchedules.schedules()) {
				System.out.printf("%s -> %s, last %s, next %s%n", schedule.name(), schedule.task(),
						schedule.lastTick(), schedule.nextTick());
			}
			List<ScheduleDescriptor> schedules = periodicSchedules.schedules();
			assertThat(schedules).extracting(ScheduleDescriptor::name)
				.containsExactlyInAnyOrder("reports.daily", "cache.refresh", "purge-sessions", "weekly-digest");
			assertThat(schedule(schedules, "reports.daily").zone()).isEqualTo("Europe/Paris");
			assertThat(schedule(schedules, "cache.refresh").missedTicks()).isEqualTo(MissedTickPolicy.SKIP);
			ScheduleDescriptor purge = schedule(schedules, "purge-sessions");
			assertThat(purge.zone()).isEqualTo("Europe/Paris");
			assertThat(purge.kwargs()).containsEntry("olderThanHours", 24);
			assertThat(purge.expires()).isEqualTo(Duration.ofMinutes(10));
			assertThat(purge.missedTicks()).isEqualTo(MissedTickPolicy.RUN_ONCE);
			ScheduleDescriptor digest = schedule(schedules, "weekly-digest");
			assertThat(digest.args()).containsExactly("weekly", 50);
			assertThat(digest.missedTicks()).isEqualTo(MissedTickPolicy.SKIP);
		});
	}

	private static ScheduleDescriptor schedule(List<ScheduleDescriptor> schedules, String name) {
		return schedules.stream().filter((schedule) -> schedule.name().equals(name)).findFirst().orElseThrow();
	}

	// Snippet "annotation" of README ("Periodic tasks"):
	public static class ReportTasks {

		@Task(name = "reports.daily")
		@Periodic(cron = "0 0 6 * * MON-FRI", zone = "Europe/Paris", args = "sales", expires = "1h")
		public void daily(String report) {
			// build and mail the report
		}

		@Task(name = "cache.refresh")
		@Periodic(fixedRate = "30s", initialDelay = "10s", queue = "maintenance",
				missedTicks = MissedTickPolicy.SKIP)
		public void refreshCache() {
			// reload the cache
		}

	}

	public static class SessionTasks {

		@Task(name = "sessions.purge")
		public void purge(int olderThanHours) {
		}

	}

	public static class MailTasks {

		@Task(name = "mail.digest")
		public void digest(String kind, int limit) {
		}

	}

}
