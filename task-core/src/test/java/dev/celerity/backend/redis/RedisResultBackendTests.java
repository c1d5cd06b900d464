package dev.celerity.backend.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisConnection;

import dev.celerity.backend.AbstractResultBackendContractTests;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.message.MessageCodec;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The result backend contract on a real Redis, plus what is Redis's own: keys with a time to live, the script path of
 * other drivers, and one pub/sub subscription per awaited task.
 */
@RequiresRedis
class RedisResultBackendTests extends AbstractResultBackendContractTests {

	private final RedisTestContext redis;

	private final RedisResultBackend backend;

	private final RedisResultBackend otherInstance;

	RedisResultBackendTests(RedisTestContext redis) {
		this.redis = redis;
		this.backend = new RedisResultBackend(redis.connectionFactory(), new MessageCodec(), redis.keyPrefix());
		this.otherInstance = new RedisResultBackend(redis.connectionFactory(), new MessageCodec(), redis.keyPrefix());
	}

	@Override
	protected ResultBackend createBackend() {
		return new RedisResultBackend(this.redis.connectionFactory(), new MessageCodec(), this.redis.keyPrefix());
	}

	@Override
	protected void closeBackend(ResultBackend backend) {
		((RedisResultBackend) backend).close();
	}

	@AfterEach
	void close() {
		this.backend.close();
		this.otherInstance.close();
	}

	@Test
	void stateIsAKeyWithTheTimeToLive() {
		String id = taskId();
		this.backend.store(success(id, 1), Duration.ofMinutes(5));
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			Long ttl = connection.keyCommands().pTtl(bytes(this.backend.keys().result(id)));
			assertThat(ttl).isBetween(Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
		}
	}

	@Test
	void waiterIsNotifiedWithinHalfASecondAndThenUnsubscribes() throws Exception {
		String id = taskId();
		CompletableFuture<TaskResult> ready = this.backend.whenReady(id);
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
	void waitForAStoredFinalStateSubscribesToNothing() {
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
