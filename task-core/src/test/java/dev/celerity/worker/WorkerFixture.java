package dev.celerity.worker;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.core.annotation.MergedAnnotations;

import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.client.DefaultTaskTemplate;
import dev.celerity.publish.PublishInterceptor;
import dev.celerity.control.RevocationStore;
import dev.celerity.control.memory.InMemoryRevocationStore;
import dev.celerity.events.TaskEvent;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskDefaults;
import dev.celerity.registry.TaskDefinitionFactory;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.routing.DefaultRouter;

/**
 * An embedded broker, backend, runner and worker around the {@code @Task} methods of one bean, for worker tests.
 */
public final class WorkerFixture implements AutoCloseable {

	public final MessageCodec codec = new MessageCodec();

	public final TaskRegistry registry = new TaskRegistry();

	public final InMemoryBroker broker;

	public final InMemoryResultBackend backend;

	public final RevocationStore revocations;

	public final QueuePauses pauses = new QueuePauses();

	public final AttemptSupervisor supervisor;

	public final List<TaskEvent> events = new CopyOnWriteArrayList<>();

	public final TaskTemplate template;

	public final Worker worker;

	WorkerFixture(Object tasks, TimeLimitPolicy timeLimits) {
		this(tasks, timeLimits, new InMemoryBroker(), null, new InMemoryRevocationStore(Duration.ofMinutes(5)));
	}

	/**
	 * Creates one instance's worker; instances that share the broker, backend and revocations form a cluster.
	 * @param tasks the bean with the {@code @Task} methods
	 * @param timeLimits the time limits
	 * @param broker the broker
	 * @param backend the backend, {@code null} for a new one
	 * @param revocations the revoked ids
	 */
	public WorkerFixture(Object tasks, TimeLimitPolicy timeLimits, InMemoryBroker broker,
			InMemoryResultBackend backend, RevocationStore revocations) {
		this(tasks, timeLimits, broker, backend, revocations, PublishInterceptor.NONE, ExecutionInterceptor.NONE);
	}

	/**
	 * Creates one instance's worker with interceptors around publishing and executing.
	 * @param tasks the bean with the {@code @Task} methods
	 * @param timeLimits the time limits
	 * @param broker the broker
	 * @param backend the backend, {@code null} for a new one
	 * @param revocations the revoked ids
	 * @param publish wraps publishing
	 * @param execution wraps executing
	 */
	public WorkerFixture(Object tasks, TimeLimitPolicy timeLimits, InMemoryBroker broker,
			InMemoryResultBackend backend, RevocationStore revocations, PublishInterceptor publish,
			ExecutionInterceptor execution) {
		this.broker = broker;
		this.backend = (backend != null) ? backend : new InMemoryResultBackend(this.codec);
		this.revocations = revocations;
		TaskDefinitionFactory factory = new TaskDefinitionFactory(TaskDefaults.STANDARD, (value) -> value);
		for (Method method : tasks.getClass().getMethods()) {
			MergedAnnotations annotations = MergedAnnotations.from(method);
			if (annotations.isPresent(Task.class)) {
				this.registry.register(factory.create("tasks", tasks, method, annotations.get(Task.class), List.of()));
			}
		}
		this.supervisor = new AttemptSupervisor(timeLimits, Clock.systemUTC());
		this.template = new DefaultTaskTemplate(this.codec, this.registry,
				new DefaultRouter(this.registry, "default", 0), this.broker, this.backend, this.events::add,
				Clock.systemUTC(), publish);
		TaskRunner runner = new TaskRunner(this.codec, this.registry, this.broker, this.backend, this.events::add,
				TaskOutcomeHandler.NONE, AdmissionControl.NONE, new RunnerSettings(Duration.ofMinutes(5), false),
				Clock.systemUTC(),
				new RunnerHooks(this.revocations, this.supervisor, execution));
		WorkerPool pool = new WorkerPool(new WorkerPoolSettings("default", List.of("default"), 2, 0, false,
				Duration.ofSeconds(30), Duration.ofMillis(100)), this.broker, runner, this.pauses);
		this.worker = new Worker(this.broker, List.of(pool), Duration.ofSeconds(2));
	}

	public List<Class<?>> eventTypes(String taskId) {
		return this.events.stream().filter((event) -> taskId.equals(event.taskId())).<Class<?>>map(Object::getClass)
			.toList();
	}

	/**
	 * Returns the handler that applies control commands to this instance's worker.
	 * @return the handler
	 */
	public WorkerControlHandler controlHandler() {
		return new WorkerControlHandler(this.supervisor, this.pauses);
	}

	@Override
	public void close() {
		this.worker.stop();
		this.supervisor.close();
	}

}
