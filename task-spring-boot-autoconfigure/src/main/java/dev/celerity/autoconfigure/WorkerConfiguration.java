package dev.celerity.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.worker.RunnerSettings;
import dev.celerity.worker.TaskOutcomeHandler;
import dev.celerity.worker.TaskRunner;
import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerPool;
import dev.celerity.worker.WorkerPoolSettings;

/**
 * The consuming side: the task runner and the worker with its pools, unless {@code celerity.worker.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "celerity.worker.enabled", matchIfMissing = true)
class WorkerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TaskRunner celerityTaskRunner(MessageCodec codec, TaskRegistry registry, Broker broker, ResultBackend backend,
			TaskEventListener events, ObjectProvider<TaskOutcomeHandler> outcomeHandler, CelerityProperties properties,
			@Qualifier("celerityClock") Clock clock) {
		RunnerSettings settings = new RunnerSettings(properties.getResult().getTimeToLive(),
				properties.getResult().isTrackStarted());
		return new TaskRunner(codec, registry, broker, backend, events,
				outcomeHandler.getIfAvailable(() -> TaskOutcomeHandler.NONE), settings, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	Worker celerityWorker(Broker broker, TaskRunner runner, CelerityProperties properties, Environment environment) {
		CelerityProperties.Worker worker = properties.getWorker();
		boolean virtual = (worker.getVirtualThreads() != null) ? worker.getVirtualThreads()
				: Threading.VIRTUAL.isActive(environment);
		List<WorkerPool> pools = new ArrayList<>();
		if (!worker.getQueues().isEmpty()) {
			pools.add(new WorkerPool(poolSettings("default", worker, worker, virtual), broker, runner));
		}
		for (Map.Entry<String, CelerityProperties.Pool> pool : worker.getPools().entrySet()) {
			pools.add(new WorkerPool(poolSettings(pool.getKey(), pool.getValue(), worker, virtual), broker, runner));
		}
		return new Worker(broker, pools, worker.getShutdownTimeout());
	}

	private static WorkerPoolSettings poolSettings(String name, CelerityProperties.Pool pool,
			CelerityProperties.Worker worker, boolean virtual) {
		int concurrency = (pool.getConcurrency() != null) ? pool.getConcurrency()
				: Runtime.getRuntime().availableProcessors();
		int prefetch = (pool.getPrefetch() != null) ? pool.getPrefetch() : concurrency;
		return new WorkerPoolSettings(name, pool.getQueues(), concurrency, prefetch, virtual, worker.getLease(),
				worker.getFetchWait());
	}

}
