package dev.celerity.control.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.control.ControlCommand;
import dev.celerity.control.ControlCommandHandler;
import dev.celerity.control.ControlDispatcher;
import dev.celerity.control.ControlReply;
import dev.celerity.control.InstanceIdentity;
import dev.celerity.control.WorkerHeartbeat;
import dev.celerity.message.MessageCodec;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis control pieces against a real Redis, each test under its own key prefix (the event stream has tests of
 * its own).
 */
@RequiresRedis
class RedisControlIntegrationTests {

	private final String prefix = "celerity-test-" + UUID.randomUUID();

	private final MessageCodec codec = new MessageCodec();

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate redis;

	@BeforeEach
	void connect() {
		this.connectionFactory = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(RedisTestServer.url()));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.redis = new StringRedisTemplate(this.connectionFactory);
	}

	@AfterEach
	void cleanUp() {
		Set<String> keys = this.redis.keys(this.prefix + ":*");
		if (keys != null && !keys.isEmpty()) {
			this.redis.delete(keys);
		}
		this.connectionFactory.destroy();
	}

	@Test
	void revocationIsSeenByEveryStoreOnThePrefixOnceLoadedOrBroadcast() {
		RedisRevocationStore one = new RedisRevocationStore(this.redis, this.prefix, Duration.ofMinutes(1));
		RedisRevocationStore other = new RedisRevocationStore(this.redis, this.prefix, Duration.ofMinutes(1));
		RedisRevocationStore third = new RedisRevocationStore(this.redis, this.prefix, Duration.ofMinutes(1));
		one.revoke("t-1");
		assertThat(one.isRevoked("t-1")).isTrue();
		assertThat(other.isRevoked("t-1")).as("checked in memory, not in Redis").isFalse();
		assertThat(other.load()).isEqualTo(1);
		assertThat(other.isRevoked("t-1")).isTrue();
		third.apply(ControlCommand.of(ControlCommand.REVOKE, Map.of("task_id", "t-1")));
		assertThat(third.isRevoked("t-1")).isTrue();
		assertThat(other.isRevoked("t-2")).isFalse();
		assertThat(this.redis.getExpire(this.prefix + ":revoked:t-1")).isBetween(1L, 60L);
	}

	@Test
	void workerRegistryListsLiveHeartbeatsAndDropsExpiredOnes() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		RedisWorkerRegistry writer = new RedisWorkerRegistry(this.redis, this.codec, this.prefix,
				Clock.fixed(now, ZoneOffset.UTC));
		writer.beat(heartbeat("a", now), Duration.ofSeconds(10));
		writer.beat(heartbeat("b", now), Duration.ofSeconds(30));
		RedisWorkerRegistry reader = new RedisWorkerRegistry(this.redis, this.codec, this.prefix,
				Clock.fixed(now.plusSeconds(20), ZoneOffset.UTC));
		List<WorkerHeartbeat> live = reader.live();
		assertThat(live).extracting((beat) -> beat.instance().id()).containsExactly("b");
		assertThat(live.get(0).queues()).containsExactly("default", "mail");
		assertThat(live.get(0).active()).isEqualTo(1);
		assertThat(this.redis.opsForHash().keys(this.prefix + ":workers")).containsExactly("b");
	}

	@Test
	void commandReachesEveryInstanceAndTheSenderCollectsTheirReplies() throws Exception {
		RedisControlBus first = bus("first", new EchoHandler("first"));
		RedisControlBus second = bus("second", new EchoHandler("second"));
		try {
			List<ControlReply> replies = first.broadcast(ControlCommand.of("echo", Map.of("text", "hi")),
					Duration.ofSeconds(5));
			assertThat(replies).extracting(ControlReply::instanceId).containsExactlyInAnyOrder("first", "second");
			assertThat(replies).allSatisfy((reply) -> assertThat(reply.applied()).isTrue());
			assertThat(replies).extracting(ControlReply::detail).contains("first: hi", "second: hi");
			List<ControlReply> unknown = second.broadcast(ControlCommand.of("nope", Map.of()), Duration.ofSeconds(5));
			assertThat(unknown).hasSize(2).noneMatch(ControlReply::applied);
		}
		finally {
			first.destroy();
			second.destroy();
		}
	}

	private RedisControlBus bus(String instanceId, ControlCommandHandler handler) {
		InstanceIdentity identity = new InstanceIdentity(instanceId, "host", 1, "app");
		RedisControlBus bus = new RedisControlBus(this.connectionFactory, this.redis, this.codec,
				new ControlDispatcher(identity, List.of(handler)), this.prefix);
		bus.start();
		return bus;
	}

	private static WorkerHeartbeat heartbeat(String id, Instant at) {
		return new WorkerHeartbeat(new InstanceIdentity(id, "host", 42, "app"),
				List.of(new WorkerHeartbeat.PoolStatus("default", List.of("default", "mail"), 4, 1, List.of(), 3)), 7,
				at);
	}

	private record EchoHandler(String name) implements ControlCommandHandler {

		@Override
		public Set<String> actions() {
			return Set.of("echo");
		}

		@Override
		public String apply(ControlCommand command) {
			return this.name + ": " + command.argument("text");
		}

	}

}
