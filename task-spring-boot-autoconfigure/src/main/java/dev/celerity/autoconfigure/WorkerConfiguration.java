package dev.celerity.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.control.RevocationStore;
import dev.celerity.worker.AdmissionControl;
import dev.celerity.worker.AttemptSupervisor;
import dev.celerity.worker.ExecutionInterceptor;
import dev.celerity.worker.QueuePauses;
import dev.celerity.worker.RunnerHooks;
import dev.celerity.worker.RunnerSettings;
import dev.celerity.worker.TaskOutcomeHandler;
import dev.celerity.worker.TaskRunner;
import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerPool;
import dev.celerity.worker.WorkerPoolSettings;

/**
 * The consuming side: the task runner and the worker with its pools, unless {@code celerity.worker.enabled=false}
 * (in eager mode, only the runner).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "celerity.worker.enabled", matchIfMissing = true)
class WorkerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TaskRunner celerityTaskRunner(MessageCodec codec, TaskRegistry registry, Broker broker, ResultBackend backend,
			TaskEventListener events, ObjectProvider<TaskOutcomeHandler> outcomeHandler,
			ObjectProvider<AdmissionControl> admissionControl, CelerityProperties properties,
			@Qualifier("celerityClock") Clock clock, ObjectProvider<RevocationStore> revocations,
			ObjectProvider<AttemptSupervisor> supervisor, ObjectProvider<ExecutionInterceptor> execution) {
		// a settle rides over a dropped connection for as long as a send does
		RunnerSettings settings = new RunnerSettings(properties.getResult().getTimeToLive(),
				properties.getResult().isTrackStarted(), properties.getPublish().getTimeout());
		return new TaskRunner(codec, registry, broker, backend, events,
				outcomeHandler.getIfAvailable(() -> TaskOutcomeHandler.NONE),
				// in eager mode a deferral would be run again at once, so rate limits are not enforced (as in Celery)
				properties.isEager() ? AdmissionControl.NONE
						: admissionControl.getIfAvailable(() -> AdmissionControl.NONE),
				settings, clock,
				new RunnerHooks(revocations.getIfAvailable(), supervisor.getIfAvailable(),
						execution.getIfAvailable()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "celerity.eager", havingValue = false, matchIfMissing = true)
	Worker celerityWorker(Broker broker, TaskRunner runner, CelerityProperties properties, Environment environment,
			ObjectProvider<QueuePauses> queuePauses) {
		QueuePauses pauses = queuePauses.getIfAvailable(QueuePauses::new);
		CelerityProperties.Worker worker = properties.getWorker();
		boolean virtual = WorkerThreadChoice.virtual(worker.getVirtualThreads(), environment);
		Set<String> declaredQueues = Binder.get(environment)
			.bind("celerity.queues", Bindable.mapOf(String.class, Object.class))
			.map(Map::keySet)
			.orElse(Set.of());
		List<WorkerPool> pools = new ArrayList<>();
		for (WorkerPoolSettings settings : WorkerPoolLayout.layout(worker, properties.getDefaultQueue(),
				declaredQueues, virtual)) {
			pools.add(new WorkerPool(settings, broker, runner, pauses));
		}
		return new Worker(broker, pools, worker.getShutdownTimeout());
	}

}
