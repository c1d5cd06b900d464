package dev.celerity.backend.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisConnection;

import dev.celerity.api.RemoteError;
import dev.celerity.backend.TaskResult;
import dev.celerity.message.MessageCodec;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The Redis result backend on a real Redis: states with a time to live, and waiters notified through pub/sub.
 */
@RequiresRedis
class RedisResultBackendTests {

	private final RedisTestContext redis;

	private final RedisResultBackend backend;

	private final RedisResultBackend otherInstance;

	RedisResultBackendTests(RedisTestContext redis) {
		this.redis = redis;
		this.backend = new RedisResultBackend(redis.connectionFactory(), new MessageCodec(), redis.keyPrefix());
		this.otherInstance = new RedisResultBackend(redis.connectionFactory(), new MessageCodec(), redis.keyPrefix());
	}

	@AfterEach
	void close() {
		this.backend.close();
		this.otherInstance.close();
	}

	@Test
	void storedStateIsReadFromAnyInstanceWithItsTimeToLive() {
		String id = taskId();
		RemoteError error = new RemoteError("java.lang.IllegalStateException", "boom", List.of("at a.b(C.java:1)"));
		this.backend.store(new TaskResult(id, "orders.ship", "FAILURE", null, Map.of("attempt", 3), error,
				Instant.parse("2024-05-01T10:00:00Z")), Duration.ofMinutes(5));
		assertThat(this.otherInstance.find(id)).hasValueSatisfying((result) -> {
			assertThat(result.state()).isEqualTo("FAILURE");
			assertThat(result.error()).isEqualTo(error);
			assertThat(result.meta()).containsEntry("attempt", 3);
			assertThat(result.dateDone()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
		});
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			Long ttl = connection.keyCommands().pTtl(bytes(this.backend.keys().result(id)));
			assertThat(ttl).isBetween(Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
		}
	}

	@Test
	void stateExpiresAfterItsTimeToLiveAndForgetRemovesIt() {
		String expiring = taskId();
		this.backend.store(success(expiring, 1), Duration.ofMillis(100));
		await().atMost(Duration.ofSeconds(3)).until(() -> this.backend.find(expiring).isEmpty());
		String forgotten = taskId();
		this.backend.store(success(forgotten, 2), Duration.ofMinutes(1));
		this.backend.forget(forgotten);
		assertThat(this.backend.find(forgotten)).isEmpty();
	}

	@Test
	void waiterIsNotifiedWhenAnotherInstanceStoresTheFinalState() throws Exception {
		String id = taskId();
		CompletableFuture<TaskResult> ready = this.backend.whenReady(id);
		this.otherInstance.store(new TaskResult(id, "t", "STARTED", null, null, null, Instant.now()),
				Duration.ofMinutes(1));
		this.otherInstance.store(new TaskResult(id, "t", "PROCESSING", null, Map.of("step", 2), null, Instant.now()),
				Duration.ofMinutes(1));
		assertThat(ready).isNotDone();
		long start = System.nanoTime();
		this.otherInstance.store(success(id, 42), Duration.ofMinutes(1));
		assertThat(ready.get(5, TimeUnit.SECONDS).result()).isEqualTo(42);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
		await().atMost(Duration.ofSeconds(3)).until(() -> this.backend.waitedTaskCount() == 0);
	}

	@Test
	void scriptPathOfOtherDriversStoresAndAnnouncesToo() throws Exception {
		String id = taskId();
		CompletableFuture<TaskResult> ready = this.backend.whenReady(id);
		this.otherInstance.store(new TaskResult(id, "t", "STARTED", null, null, null, Instant.now()),
				Duration.ofMinutes(1), false);
		assertThat(this.backend.find(id)).hasValueSatisfying((result) -> assertThat(result.state()).isEqualTo("STARTED"));
		assertThat(ready).isNotDone();
		this.otherInstance.store(success(id, "scripted"), Duration.ofMinutes(1), false);
		assertThat(ready.get(5, TimeUnit.SECONDS).result()).isEqualTo("scripted");
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			assertThat(connection.keyCommands().pTtl(bytes(this.backend.keys().result(id))))
				.isBetween(Duration.ofSeconds(50).toMillis(), Duration.ofMinutes(1).toMillis());
		}
	}

	@Test
	void waitersOfOneTaskShareOneSubscription() throws Exception {
		String id = taskId();
		CompletableFuture<TaskResult> first = this.backend.whenReady(id);
		CompletableFuture<TaskResult> second = this.backend.whenReady(id);
		assertThat(this.backend.waitedTaskCount()).isOne();
		first.cancel(true);
		this.otherInstance.store(success(id, "done"), Duration.ofMinutes(1));
		assertThat(second.get(5, TimeUnit.SECONDS).result()).isEqualTo("done");
	}

	@Test
	void finalStateAlreadyStoredCompletesAtOnce() {
		String id = taskId();
		this.otherInstance.store(success(id, 7), Duration.ofMinutes(1));
		assertThat(this.backend.whenReady(id)).isCompleted();
		assertThat(this.backend.waitedTaskCount()).isZero();
	}

	@Test
	void stateStoredWithoutAnnouncementIsFoundByTheCheckAfterSubscribing() throws Exception {
		String id = taskId();
		ResultSubscriptions subscriptions = new ResultSubscriptions(this.redis.connectionFactory(),
				new ResultKeys(this.redis.keyPrefix()), (bytes) -> java.util.Optional.empty(),
				(taskId) -> java.util.Optional.of(success(taskId, "raced")), Duration.ofMinutes(1));
		try {
			assertThat(subscriptions.await(id).get(5, TimeUnit.SECONDS).result()).isEqualTo("raced");
		}
		finally {
			subscriptions.close();
		}
	}

	@Test
	void unreadableAnnouncementIsIgnoredAndTheWaiterStillCompletes() throws Exception {
		String id = taskId();
		CompletableFuture<TaskResult> ready = this.backend.whenReady(id);
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			connection.publish(bytes(this.backend.keys().readyChannel(id)), bytes("{not json"));
		}
		this.otherInstance.store(success(id, "fine"), Duration.ofMinutes(1));
		assertThat(ready.get(5, TimeUnit.SECONDS).result()).isEqualTo("fine");
	}

	@Test
	void abandonedWaiterTimesOutAndUnsubscribes() {
		RedisResultBackend shortWaits = new RedisResultBackend(this.redis.connectionFactory(), new MessageCodec(),
				this.redis.keyPrefix(), Duration.ofMillis(300));
		try {
			CompletableFuture<TaskResult> never = shortWaits.whenReady(taskId());
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> never.get(5, TimeUnit.SECONDS))
				.withCauseInstanceOf(TimeoutException.class);
			await().atMost(Duration.ofSeconds(3)).until(() -> shortWaits.waitedTaskCount() == 0);
		}
		finally {
			shortWaits.close();
		}
	}

	private static TaskResult success(String id, Object value) {
		return new TaskResult(id, "t", "SUCCESS", value, null, null, Instant.now());
	}

	private static String taskId() {
		return UUID.randomUUID().toString();
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
