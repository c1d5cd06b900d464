package dev.celerity.celery.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.celery.CeleryResultFormat;
import dev.celerity.redis.LuaScript;
import dev.celerity.redis.ScriptCall;
import dev.celerity.redis.ScriptExecutor;

/**
 * The result backend in Celery's Redis format: each state at {@code celery-task-meta-<id>} (see
 * {@link CeleryResultFormat}), written with SETEX and published on the channel of the same name, a SUCCESS never
 * overwritten; so a Python caller's {@code AsyncResult.get()} reads what a Celerity worker stored, and the other way
 * round.
 */
public class CeleryRedisResultBackend implements ResultBackend, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(CeleryRedisResultBackend.class);

	private static final LuaScript STORE = LuaScript.load(CeleryRedisResultBackend.class, "storeCeleryResult");

	private final RedisConnectionFactory connectionFactory;

	private final ScriptExecutor executor;

	private final CeleryResultFormat format = new CeleryResultFormat();

	private final CeleryResultWaiters waiters;

	/**
	 * Creates a backend.
	 * @param connectionFactory the application's Redis connection factory
	 * @param waiterTimeToLive how long a wait for a result that never comes keeps its subscription
	 */
	public CeleryRedisResultBackend(RedisConnectionFactory connectionFactory, Duration waiterTimeToLive) {
		this.connectionFactory = connectionFactory;
		this.executor = new ScriptExecutor(connectionFactory);
		this.waiters = new CeleryResultWaiters(connectionFactory, (json) -> decode(json, null), this::find,
				waiterTimeToLive);
	}

	@Override
	public void store(TaskResult result, Duration timeToLive) {
		storeAll(List.of(result), timeToLive);
	}

	@Override
	public void storeAll(List<TaskResult> results, Duration timeToLive) {
		String seconds = Long.toString(Math.max(1, timeToLive.toSeconds()));
		this.executor.executeAll(results.stream()
			.map((result) -> ScriptCall.of(STORE, ReturnType.INTEGER,
					new String[] { CeleryKeys.taskMeta(result.taskId()) }, this.format.encode(result),
					seconds.getBytes(StandardCharsets.US_ASCII)))
			.toList());
	}

	@Override
	public Optional<TaskResult> find(String taskId) {
		byte[] stored;
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			stored = connection.stringCommands().get(CeleryKeys.taskMeta(taskId).getBytes(StandardCharsets.UTF_8));
		}
		return (stored != null) ? decode(stored, taskId) : Optional.empty();
	}

	@Override
	public CompletableFuture<TaskResult> whenReady(String taskId) {
		Optional<TaskResult> current = find(taskId).filter(TaskResult::isReady);
		return current.map(CompletableFuture::completedFuture).orElseGet(() -> this.waiters.await(taskId));
	}

	@Override
	public void forget(String taskId) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.keyCommands().del(CeleryKeys.taskMeta(taskId).getBytes(StandardCharsets.UTF_8));
		}
	}

	/**
	 * Stops the subscriber connection.
	 */
	@Override
	public void close() {
		this.waiters.close();
	}

	private Optional<TaskResult> decode(byte[] stored, String taskId) {
		try {
			return Optional.of(this.format.decode(stored, taskId));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring an unreadable Celery task state: {}", ex.getMessage());
			return Optional.empty();
		}
	}

}
