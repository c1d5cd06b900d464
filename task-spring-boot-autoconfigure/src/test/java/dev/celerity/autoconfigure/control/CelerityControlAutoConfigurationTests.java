package dev.celerity.autoconfigure.control;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskState;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.control.ClusterControl;
import dev.celerity.control.ControlOutcome;
import dev.celerity.control.ControlBus;
import dev.celerity.control.HeartbeatEmitter;
import dev.celerity.control.RevocationStore;
import dev.celerity.control.WorkerRegistry;
import dev.celerity.control.memory.InMemoryRevocationStore;
import dev.celerity.control.memory.LocalControlBus;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.worker.WorkerControlHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Auto-configuration of cluster control, events fan-out and time limits.
 */
class CelerityControlAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CelerityAutoConfiguration.class,
				CelerityControlAutoConfiguration.class))
		.withUserConfiguration(TasksConfiguration.class)
		.withPropertyValues("celerity.worker.concurrency=2", "celerity.worker.fetch-wait=100ms");

	@Test
	void withoutRedisControlStaysInThisJvm() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(InMemoryRevocationStore.class)
				.hasSingleBean(LocalControlBus.class)
				.hasSingleBean(WorkerControlHandler.class)
				.hasSingleBean(HeartbeatEmitter.class);
			await().untilAsserted(() -> assertThat(context.getBean(WorkerRegistry.class).live()).singleElement()
				.satisfies((beat) -> assertThat(beat.queues()).containsExactly("default")));
		});
	}

	@Test
	void publishOnlyInstanceSendsNoHeartbeatAndAppliesNoWorkerCommands() {
		this.contextRunner.withPropertyValues("celerity.worker.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HeartbeatEmitter.class).doesNotHaveBean(WorkerControlHandler.class);
			assertThat(context).hasSingleBean(ClusterControl.class);
		});
	}

	@Test
	void memoryBrokerTypeKeepsControlInMemoryEvenWithRedis() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("celerity.broker.type=memory")
			.run((context) -> assertThat(context.getBean(RevocationStore.class))
				.isInstanceOf(InMemoryRevocationStore.class)
				.satisfies((store) -> assertThat(context.getBean(ControlBus.class))
					.isInstanceOf(LocalControlBus.class)));
	}

	@Test
	void eventsReachApplicationListenersAndListenerBeansInOrder() {
		this.contextRunner.withUserConfiguration(ListenersConfiguration.class).run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			AsyncResult<Object> ok = tasks.send("monitored.add", 1, 2);
			assertThat(ok.get(Duration.ofSeconds(5))).isEqualTo(3);
			AsyncResult<Object> failed = tasks.send("monitored.fail");
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> failed.get(Duration.ofSeconds(5)));
			ApplicationEvents events = context.getBean(ApplicationEvents.class);
			// published comes from the caller's thread, so a fast worker's events may precede it
			await().untilAsserted(() -> assertThat(events.workerTypes(failed.id())).containsExactly("TaskReceived",
					"TaskStarted", "TaskRetried", "TaskReceived", "TaskStarted", "TaskFailed"));
			assertThat(events.workerTypes(ok.id())).containsExactly("TaskReceived", "TaskStarted", "TaskSucceeded");
			assertThat(events.types(ok.id())).containsOnlyOnce("TaskPublished");
			RecordingListener bean = context.getBean(RecordingListener.class);
			assertThat(bean.events).extracting(TaskEvent::taskId).contains(ok.id(), failed.id());
		});
	}

	@Test
	void revokeWithTerminateStopsARunningTask() {
		this.contextRunner.run((context) -> {
			MonitoredTasks bean = context.getBean(MonitoredTasks.class);
			AsyncResult<Object> running = context.getBean(TaskTemplate.class).send("monitored.block");
			bean.started.await();
			ControlOutcome outcome = context.getBean(ClusterControl.class).revoke(running.id(), true);
			assertThat(outcome.replies()).singleElement()
				.satisfies((reply) -> assertThat(reply.detail()).contains("terminated"));
			assertThat(running.state()).isEqualTo(TaskState.REVOKED);
		});
	}

	@Test
	void configuredHardTimeLimitFailsTheTask() {
		this.contextRunner.withPropertyValues("celerity.time-limits.tasks[monitored.block].hard=200ms")
			.run((context) -> {
				AsyncResult<Object> result = context.getBean(TaskTemplate.class).send("monitored.block");
				assertThatExceptionOfType(TaskExecutionException.class)
					.isThrownBy(() -> result.get(Duration.ofSeconds(5)))
					.withMessageContaining("hard time limit of PT0.2S");
			});
	}

	@Test
	void invalidTimeLimitFailsStartUpNamingTheMethod() {
		this.contextRunner.withBean(BadTimeLimit.class).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("Invalid @TimeLimit(hard = \"soon\") on ")
			.hasStackTraceContaining(".late()"));
	}

	static class BadTimeLimit {

		@dev.celerity.api.Task(name = "bad.late")
		@dev.celerity.api.TimeLimit(hard = "soon")
		public void late() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TasksConfiguration {

		@Bean
		MonitoredTasks monitoredTasks() {
			return new MonitoredTasks();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenersConfiguration {

		@Bean
		ApplicationEvents applicationEvents() {
			return new ApplicationEvents();
		}

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

	static class ApplicationEvents {

		final List<TaskEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TaskEvent event) {
			this.events.add(event);
		}

		List<String> workerTypes(String taskId) {
			return types(taskId).stream().filter((type) -> !type.equals("TaskPublished")).toList();
		}

		List<String> types(String taskId) {
			return this.events.stream().filter((event) -> taskId.equals(event.taskId()))
				.map((event) -> event.getClass().getSimpleName())
				.toList();
		}

	}

	static class RecordingListener implements TaskEventListener {

		final List<TaskEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onEvent(TaskEvent event) {
			this.events.add(event);
		}

	}

}
