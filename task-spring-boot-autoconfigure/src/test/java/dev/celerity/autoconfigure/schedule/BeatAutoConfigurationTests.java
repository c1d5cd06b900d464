package dev.celerity.autoconfigure.schedule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

import dev.celerity.api.MissedTickPolicy;
import dev.celerity.api.Periodic;
import dev.celerity.api.Task;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.schedule.PeriodicScheduler;
import dev.celerity.schedule.PeriodicSchedules;
import dev.celerity.schedule.ScheduleClaims;
import dev.celerity.schedule.ScheduleDescriptor;
import dev.celerity.schedule.memory.InMemoryScheduleClaims;
import dev.celerity.schedule.redis.RedisScheduleClaims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schedules declared by annotation and by properties tick, enqueue their task and are listed by the read API.
 */
class BeatAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class, BeatAutoConfiguration.class))
		.withPropertyValues("celerity.worker.concurrency=1");

	@Test
	void fixedRateScheduleEnqueuesItsTaskWhichAWorkerRuns() {
		this.contextRunner.withUserConfiguration(FastTasksConfiguration.class).run((context) -> {
			FastTasks tasks = context.getBean(FastTasks.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> tasks.fastRuns.size() >= 3);
			assertThat(tasks.fastRuns).allMatch((thread) -> thread.startsWith("celerity-"))
				.noneMatch((thread) -> thread.startsWith("celerity-beat-"));
		});
	}

	@Test
	void cronScheduleTicksEverySecond() {
		this.contextRunner.withUserConfiguration(CronTasksConfiguration.class).run((context) -> {
			CronTasks tasks = context.getBean(CronTasks.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> tasks.runs.size() >= 2);
			assertThat(context.getBean(PeriodicSchedules.class).schedule("cronTasks.everySecond"))
				.hasValueSatisfying((descriptor) -> {
					assertThat(descriptor.cron()).isEqualTo("* * * * * *");
					assertThat(descriptor.zone()).isEqualTo("UTC");
					assertThat(descriptor.lastTick()).isNotNull();
				});
		});
	}

	@Test
	void configuredScheduleSendsItsArgumentsAndKeywordArguments() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class)
			.withPropertyValues("celerity.beat.schedules.greet-world.task=greeter.greet",
					"celerity.beat.schedules.greet-world.every=250ms",
					"celerity.beat.schedules.greet-world.args[0]=world",
					"celerity.beat.schedules.greet-world.kwargs.times=2",
					"celerity.beat.schedules.greet-world.options.expires=10s")
			.run((context) -> {
				Greeter greeter = context.getBean(Greeter.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> !greeter.greetings.isEmpty());
				assertThat(greeter.greetings.get(0)).isEqualTo("world x2");
				assertThat(context.getBean(PeriodicSchedules.class).schedule("greet-world"))
					.hasValueSatisfying((descriptor) -> {
						assertThat(descriptor.every()).isEqualTo(Duration.ofMillis(250));
						assertThat(descriptor.expires()).isEqualTo(Duration.ofSeconds(10));
						assertThat(descriptor.missedTicks()).isEqualTo(MissedTickPolicy.RUN_ONCE);
					});
			});
	}

	@Test
	void composedAndRepeatedAnnotationsDeclareSchedules() {
		this.contextRunner.withUserConfiguration(ComposedTasksConfiguration.class)
			.withPropertyValues("celerity.beat.enabled=false")
			.run((context) -> {
				List<ScheduleDescriptor> schedules = context.getBean(PeriodicSchedules.class).schedules();
				assertThat(schedules).extracting(ScheduleDescriptor::name)
					.containsExactlyInAnyOrder("composedTasks.heartbeat", "morning", "evening");
				assertThat(schedules).filteredOn((descriptor) -> descriptor.name().equals("composedTasks.heartbeat"))
					.singleElement()
					.satisfies((descriptor) -> {
						assertThat(descriptor.every()).isEqualTo(Duration.ofMinutes(1));
						assertThat(descriptor.queue()).isEqualTo("monitoring");
					});
				assertThat(schedules).filteredOn((descriptor) -> descriptor.name().equals("evening"))
					.singleElement()
					.satisfies((descriptor) -> assertThat(descriptor.zone()).isEqualTo("Europe/Paris"));
			});
	}

	@Test
	void disabledBeatRunsNoSchedulerButStillListsTheSchedules() {
		this.contextRunner.withUserConfiguration(FastTasksConfiguration.class)
			.withPropertyValues("celerity.beat.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PeriodicScheduler.class);
				assertThat(context.getBean(PeriodicSchedules.class).schedules()).singleElement()
					.satisfies((descriptor) -> {
						assertThat(descriptor.active()).isFalse();
						assertThat(descriptor.nextTick()).isNotNull();
					});
			});
	}

	@Test
	void schedulerThreadIsNotExposedAsTheApplicationsTaskScheduler() {
		this.contextRunner.withUserConfiguration(FastTasksConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(PeriodicScheduler.class)
				.doesNotHaveBean(TaskScheduler.class));
	}

	@Test
	void claimsAreHeldInMemoryWithoutRedis() {
		this.contextRunner.run((context) -> assertThat(context).getBean(ScheduleClaims.class)
			.isInstanceOf(InMemoryScheduleClaims.class));
	}

	@Test
	void claimsAreHeldInRedisWhenTheApplicationRunsOnRedis() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=127.0.0.1")
			.run((context) -> assertThat(context).getBean(ScheduleClaims.class)
				.isInstanceOf(RedisScheduleClaims.class));
	}

	@Test
	void claimsStayInMemoryWhenTheMemoryBrokerIsForced() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("celerity.broker.type=memory")
			.run((context) -> assertThat(context).getBean(ScheduleClaims.class)
				.isInstanceOf(InMemoryScheduleClaims.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class FastTasksConfiguration {

		@Bean
		FastTasks fastTasks() {
			return new FastTasks();
		}

	}

	static class FastTasks {

		final List<String> fastRuns = new CopyOnWriteArrayList<>();

		@Task
		@Periodic(fixedRate = "200ms")
		public void fast() {
			this.fastRuns.add(Thread.currentThread().getName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CronTasksConfiguration {

		@Bean
		CronTasks cronTasks() {
			return new CronTasks();
		}

	}

	static class CronTasks {

		final List<String> runs = new CopyOnWriteArrayList<>();

		@Task
		@Periodic(cron = "* * * * * *")
		public void everySecond() {
			this.runs.add("run");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class GreeterConfiguration {

		@Bean
		Greeter greeter() {
			return new Greeter();
		}

	}

	static class Greeter {

		final List<String> greetings = new CopyOnWriteArrayList<>();

		@Task(name = "greeter.greet")
		public void greet(String name, int times) {
			this.greetings.add(name + " x" + times);
		}

	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Task(queue = "monitoring")
	@Periodic(fixedRate = "1m", queue = "monitoring")
	@interface Heartbeat {

	}

	@Configuration(proxyBeanMethods = false)
	static class ComposedTasksConfiguration {

		@Bean
		ComposedTasks composedTasks() {
			return new ComposedTasks();
		}

	}

	static class ComposedTasks {

		@Heartbeat
		public void heartbeat() {
		}

		@Task
		@Periodic(name = "morning", cron = "0 0 8 * * *")
		@Periodic(name = "evening", cron = "0 0 20 * * *", zone = "Europe/Paris")
		public void report() {
		}

	}

}
