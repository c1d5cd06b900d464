package dev.celerity.control.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.Task;
import dev.celerity.api.TaskState;
import dev.celerity.backend.memory.InMemoryResultBackend;
import dev.celerity.broker.memory.InMemoryBroker;
import dev.celerity.control.ClusterControl;
import dev.celerity.control.ControlDispatcher;
import dev.celerity.control.ControlOutcome;
import dev.celerity.control.InstanceIdentity;
import dev.celerity.control.memory.InMemoryWorkerRegistry;
import dev.celerity.events.TaskEvent;
import dev.celerity.message.MessageCodec;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;
import dev.celerity.worker.TimeLimitPolicy;
import dev.celerity.worker.WorkerFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two worker instances sharing a broker and backend, with revocations and control commands going through Redis.
 */
@RequiresRedis
class RevokeAcrossInstancesIntegrationTests {

	private final String prefix = "celerity-test-" + UUID.randomUUID();

	private final Tasks tasks = new Tasks();

	private final InMemoryBroker broker = new InMemoryBroker();

	private final InMemoryResultBackend backend = new InMemoryResultBackend(new MessageCodec());

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate redis;

	private WorkerFixture first;

	private WorkerFixture second;

	private RedisControlBus firstBus;

	private RedisControlBus secondBus;

	@BeforeEach
	void startInstances() {
		this.connectionFactory = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(RedisTestServer.url()));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.redis = new StringRedisTemplate(this.connectionFactory);
		this.first = instance();
		this.second = instance();
		this.firstBus = bus("first", this.first);
		this.secondBus = bus("second", this.second);
	}

	@AfterEach
	void stopInstances() throws Exception {
		this.tasks.release.countDown();
		this.first.close();
		this.second.close();
		((RedisRevocationStore) this.first.revocations).stop();
		((RedisRevocationStore) this.second.revocations).stop();
		this.firstBus.destroy();
		this.secondBus.destroy();
		Set<String> keys = this.redis.keys(this.prefix + ":*");
		if (keys != null && !keys.isEmpty()) {
			this.redis.delete(keys);
		}
		this.connectionFactory.destroy();
	}

	@Test
	void revokedDelayedTaskRunsOnNoInstance() {
		this.first.worker.start();
		this.second.worker.start();
		AsyncResult<Object> result = this.first.template.send(Signature.of("count").countdown(Duration.ofMillis(300)));
		ControlOutcome outcome = control(this.second, this.secondBus).revoke(result.id(), false);
		assertThat(outcome.appliedBy()).containsExactlyInAnyOrder("first", "second");
		assertThat(result.state()).isEqualTo(TaskState.REVOKED);
		await().until(() -> revokedEvents(result.id()) == 1);
		assertThat(this.tasks.counted.get()).isZero();
		assertThat(this.broker.depth("default")).isZero();
	}

	@Test
	void terminateInterruptsTheTaskOnTheInstanceThatRunsIt() throws Exception {
		this.second.worker.start();
		AsyncResult<Object> result = this.first.template.send("block");
		this.tasks.started.await();
		ControlOutcome outcome = control(this.first, this.firstBus).revoke(result.id(), true);
		assertThat(outcome.replies()).hasSize(2);
		assertThat(outcome.replies()).filteredOn((reply) -> reply.instanceId().equals("second"))
			.singleElement()
			.satisfies((reply) -> assertThat(reply.detail()).contains("terminated"));
		await().until(() -> this.tasks.interrupted);
		await().until(() -> this.second.eventTypes(result.id()).contains(TaskEvent.TaskRevoked.class));
		assertThat(result.state()).isEqualTo(TaskState.REVOKED);
		assertThat(this.second.eventTypes(result.id())).doesNotContain(TaskEvent.TaskSucceeded.class,
				TaskEvent.TaskFailed.class);
	}

	@Test
	void taskRevokedOnOneInstanceNeverRunsOnAnotherThatFetchesItAfterTheBroadcast() {
		AsyncResult<Object> result = this.first.template.send("count");
		control(this.first, this.firstBus).revoke(result.id(), false);
		// the second instance checks its own memory, filled by the broadcast: no Redis key needed, no round trip
		this.redis.delete(this.prefix + ":revoked:" + result.id());
		this.second.worker.start();
		await().until(() -> this.second.eventTypes(result.id()).contains(TaskEvent.TaskRevoked.class));
		assertThat(this.tasks.counted.get()).isZero();
		assertThat(this.broker.depth("default")).isZero();
	}

	@Test
	void instanceStartedAfterARevokeLoadsIt() {
		AsyncResult<Object> result = this.first.template.send("count");
		control(this.first, this.firstBus).revoke(result.id(), false);
		RedisRevocationStore revocations = new RedisRevocationStore(this.redis, this.prefix, Duration.ofMinutes(1));
		try (WorkerFixture third = new WorkerFixture(this.tasks, TimeLimitPolicy.NONE, this.broker, this.backend,
				revocations)) {
			assertThat(revocations.isRevoked(result.id())).as("not loaded yet").isFalse();
			revocations.start();
			assertThat(revocations.isRevoked(result.id())).isTrue();
			third.worker.start();
			await().until(() -> third.eventTypes(result.id()).contains(TaskEvent.TaskRevoked.class));
			assertThat(this.tasks.counted.get()).isZero();
		}
		finally {
			revocations.stop();
		}
	}

	@Test
	void revocationWhoseBroadcastWasMissedIsSeenAtTheNextRefresh() {
		RedisRevocationStore revocations = new RedisRevocationStore(this.redis, this.prefix, Duration.ofMinutes(1),
				Duration.ofMillis(100), Clock.systemUTC());
		revocations.start();
		try {
			// written to Redis, but this instance was not subscribed when it was broadcast
			new RedisRevocationStore(this.redis, this.prefix, Duration.ofMinutes(1)).revoke("missed");
			assertThat(revocations.isRevoked("missed")).as("the window until the next refresh").isFalse();
			await().atMost(Duration.ofSeconds(10)).until(() -> revocations.isRevoked("missed"));
		}
		finally {
			revocations.stop();
		}
	}

	private long revokedEvents(String taskId) {
		return this.first.eventTypes(taskId).stream().filter(TaskEvent.TaskRevoked.class::equals).count()
				+ this.second.eventTypes(taskId).stream().filter(TaskEvent.TaskRevoked.class::equals).count();
	}

	private WorkerFixture instance() {
		return new WorkerFixture(this.tasks, TimeLimitPolicy.NONE, this.broker, this.backend,
				new RedisRevocationStore(this.redis, this.prefix, Duration.ofMinutes(1)));
	}

	private RedisControlBus bus(String id, WorkerFixture instance) {
		RedisRevocationStore revocations = (RedisRevocationStore) instance.revocations;
		ControlDispatcher dispatcher = new ControlDispatcher(new InstanceIdentity(id, "host", 1, "app"),
				List.of(revocations, instance.controlHandler()));
		RedisControlBus bus = new RedisControlBus(this.connectionFactory, this.redis, new MessageCodec(), dispatcher,
				this.prefix);
		bus.start();
		revocations.start();
		return bus;
	}

	private ClusterControl control(WorkerFixture instance, RedisControlBus bus) {
		return new ClusterControl(this.broker, this.backend, instance.revocations, new InMemoryWorkerRegistry(), bus,
				new ClusterControl.Settings(Duration.ofSeconds(5), Duration.ofMinutes(5)), Clock.systemUTC());
	}

	public static class Tasks {

		final AtomicInteger counted = new AtomicInteger();

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		volatile boolean interrupted;

		@Task(name = "count")
		public int count() {
			return this.counted.incrementAndGet();
		}

		@Task(name = "block")
		public String block() throws InterruptedException {
			this.started.countDown();
			try {
				this.release.await();
				return "released";
			}
			catch (InterruptedException ex) {
				this.interrupted = true;
				throw ex;
			}
		}

	}

}
