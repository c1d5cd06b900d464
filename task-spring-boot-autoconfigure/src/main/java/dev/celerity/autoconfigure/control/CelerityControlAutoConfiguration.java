package dev.celerity.autoconfigure.control;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.CelerityProperties;
import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.control.ClusterControl;
import dev.celerity.control.ControlBus;
import dev.celerity.control.ControlCommandHandler;
import dev.celerity.control.ControlDispatcher;
import dev.celerity.control.HeartbeatEmitter;
import dev.celerity.control.InstanceIdentity;
import dev.celerity.control.RevocationStore;
import dev.celerity.control.WorkerRegistry;
import dev.celerity.ratelimit.RateLimits;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.worker.AttemptSupervisor;
import dev.celerity.worker.QueuePauses;
import dev.celerity.worker.TimeLimitPolicy;
import dev.celerity.worker.Worker;
import dev.celerity.worker.WorkerControlHandler;

/**
 * Auto-configuration of cluster control: this instance's identity and heartbeats, revocation, time limits, queue
 * pauses and the control bus, on Redis when the application has a Redis connection (and the broker is not forced
 * to memory), in memory otherwise.
 */
@AutoConfiguration(after = CelerityAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@EnableConfigurationProperties({ CelerityControlProperties.class, CelerityTimeLimitProperties.class })
@Import({ RedisControlConfiguration.class, MemoryControlConfiguration.class })
public final class CelerityControlAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InstanceIdentity celerityInstanceIdentity(Environment environment) {
		return InstanceIdentity.local(environment.getProperty("spring.application.name", "celerity"));
	}

	@Bean
	@ConditionalOnMissingBean
	QueuePauses celerityQueuePauses() {
		return new QueuePauses();
	}

	@Bean
	@ConditionalOnMissingBean
	TimeLimitPolicy celerityTimeLimitPolicy(CelerityTimeLimitProperties timeLimits) {
		return TimeLimitPolicies.from(timeLimits);
	}

	/**
	 * Resolves every task's time limits once all tasks are registered, so a bad {@code @TimeLimit} fails start-up.
	 */
	@Bean
	static SmartInitializingSingleton celerityTimeLimitValidator(ObjectProvider<TaskRegistry> registry,
			ObjectProvider<TimeLimitPolicy> policy) {
		return () -> policy.ifAvailable((limits) -> registry
			.ifAvailable((tasks) -> tasks.all().forEach(limits::limitsFor)));
	}

	@Bean
	@ConditionalOnMissingBean
	AttemptSupervisor celerityAttemptSupervisor(TimeLimitPolicy timeLimits, @Qualifier("celerityClock") Clock clock) {
		return new AttemptSupervisor(timeLimits, clock);
	}

	@Bean
	@ConditionalOnBean(Worker.class)
	@ConditionalOnMissingBean
	WorkerControlHandler celerityWorkerControlHandler(AttemptSupervisor supervisor, QueuePauses pauses) {
		return new WorkerControlHandler(supervisor, pauses);
	}

	@Bean
	@ConditionalOnBean(RateLimits.class)
	@ConditionalOnMissingBean
	RateLimitCommandHandler celerityRateLimitCommandHandler(RateLimits limits) {
		return new RateLimitCommandHandler(limits);
	}

	@Bean
	@ConditionalOnMissingBean
	ControlDispatcher celerityControlDispatcher(InstanceIdentity identity,
			ObjectProvider<ControlCommandHandler> handlers) {
		return new ControlDispatcher(identity, handlers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	ClusterControl celerityClusterControl(Broker broker, ResultBackend backend, RevocationStore revocations,
			WorkerRegistry workers, ControlBus bus, CelerityControlProperties control, CelerityProperties properties,
			@Qualifier("celerityClock") Clock clock) {
		return new ClusterControl(broker, backend, revocations, workers, bus,
				new ClusterControl.Settings(control.getReplyTimeout(), properties.getResult().getTimeToLive()), clock);
	}

	@Bean
	@ConditionalOnMissingBean
	KnownQueues celerityKnownQueues(CelerityProperties properties, TaskRegistry registry) {
		return new KnownQueues(properties, registry, List.of());
	}

	@Bean
	@ConditionalOnBean(Worker.class)
	@ConditionalOnMissingBean
	HeartbeatEmitter celerityHeartbeatEmitter(WorkerRegistry registry, Worker worker, InstanceIdentity identity,
			CelerityControlProperties control, @Qualifier("celerityClock") Clock clock) {
		CelerityControlProperties.Heartbeat heartbeat = control.getHeartbeat();
		return new HeartbeatEmitter(registry, new WorkerHeartbeats(worker, identity, clock), heartbeat.getInterval(),
				heartbeat.getTimeToLive());
	}

}
