package dev.celerity.backend.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.celerity.backend.TaskResult;
import dev.celerity.message.MessageCodec;
import dev.celerity.testing.redis.ConnectionKiller;
import dev.celerity.testing.redis.OwnRedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waiting for results while Redis keeps dropping connections ({@code CLIENT KILL TYPE normal} and
 * {@code TYPE pubsub}), with the client rejecting commands while it reconnects: every waiter gets its result, none
 * fails because its first read or its subscription met a connection that was down.
 */
class RedisResultBackendReconnectTests {

	private static final int WAITERS = 60;

	private final OwnRedisServer redis = new OwnRedisServer().start();

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
		this.redis.close();
	}

	@Test
	void everyWaiterGetsItsResultWhileConnectionsAreKilledEvery50Milliseconds() throws Exception {
		RedisResultBackend waiting = new RedisResultBackend(this.redis.connectionFactory(), new MessageCodec(), "rk");
		RedisResultBackend storing = new RedisResultBackend(this.redis.connectionFactory(), new MessageCodec(), "rk");
		List<CompletableFuture<TaskResult>> waits = new ArrayList<>();
		try (ConnectionKiller killer = new ConnectionKiller(this.redis, Duration.ofMillis(50))) {
			for (int i = 0; i < WAITERS; i++) {
				String id = "task-" + i;
				// as AsyncResult.get does: whenReady, then wait on its future
				waits.add(CompletableFuture.supplyAsync(() -> waiting.whenReady(id), this.threads)
					.thenCompose((future) -> future));
			}
			for (int i = 0; i < WAITERS; i++) {
				TaskResult result = new TaskResult("task-" + i, "t", "SUCCESS", i, Map.of(), null, Instant.now());
				// the storing side rides over the kills as a worker's settle does
				await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
					storing.store(result, Duration.ofMinutes(5));
					return true;
				});
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> killer.kills() >= 5);
		}
		for (int i = 0; i < WAITERS; i++) {
			assertThat(waits.get(i).get(30, TimeUnit.SECONDS).result()).as("task-" + i).isEqualTo(i);
		}
		waiting.close();
		storing.close();
	}

}
