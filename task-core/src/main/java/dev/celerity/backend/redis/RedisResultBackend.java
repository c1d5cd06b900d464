package dev.celerity.backend.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.backend.TaskResultFormat;
import dev.celerity.backend.redis.LettuceResultWriter.EncodedState;
import dev.celerity.message.MessageCodec;
import dev.celerity.redis.LuaScript;
import dev.celerity.redis.RedisFailures;
import dev.celerity.redis.ScriptCall;
import dev.celerity.redis.ScriptExecutor;

/**
 * The result backend on Redis: each task's state is a key with a time to live, readable from any instance; a final
 * state is announced on the task's channel, so waiting is notified, never polled.
 *
 * <p>On Lettuce the key and the announcement go out together on the shared connection ({@code SET PX} then
 * {@code PUBLISH}, one round trip); other drivers run {@code storeResult.lua}, which does the same in one script.
 */
public class RedisResultBackend implements ResultBackend, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisResultBackend.class);

	private static final byte[] NO_CHANNEL = new byte[0];

	private static final LuaScript STORE = LuaScript.load(RedisResultBackend.class, "storeResult");

	private static final boolean LETTUCE_PRESENT = ClassUtils.isPresent(
			"io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands", RedisResultBackend.class.getClassLoader());

	private final RedisConnectionFactory connectionFactory;

	private final MessageCodec codec;

	private final ResultKeys keys;

	private final ScriptExecutor executor;

	private final ResultSubscriptions subscriptions;

	/**
	 * Creates a backend whose abandoned waiters are dropped after a day.
	 * @param connectionFactory the application's Redis connection factory
	 * @param codec the codec states are stored in
	 * @param keyPrefix the prefix of every key
	 */
	public RedisResultBackend(RedisConnectionFactory connectionFactory, MessageCodec codec, String keyPrefix) {
		this(connectionFactory, codec, keyPrefix, Duration.ofDays(1));
	}

	/**
	 * Creates a backend.
	 * @param connectionFactory the application's Redis connection factory
	 * @param codec the codec states are stored in
	 * @param keyPrefix the prefix of every key
	 * @param waiterTimeToLive how long a wait for a result that never comes keeps its subscription
	 */
	public RedisResultBackend(RedisConnectionFactory connectionFactory, MessageCodec codec, String keyPrefix,
			Duration waiterTimeToLive) {
		this.connectionFactory = connectionFactory;
		this.codec = codec;
		this.keys = new ResultKeys(keyPrefix);
		this.executor = new ScriptExecutor(connectionFactory);
		this.subscriptions = new ResultSubscriptions(connectionFactory, this.keys, this::decode, this::find,
				waiterTimeToLive);
	}

	/**
	 * Returns the key builder.
	 * @return the keys
	 */
	public ResultKeys keys() {
		return this.keys;
	}

	@Override
	public void store(TaskResult result, Duration timeToLive) {
		store(result, timeToLive, LETTUCE_PRESENT);
	}

	/**
	 * Stores several states in one round trip on Lettuce (each {@code SET PX}, then its {@code PUBLISH}, pipelined on
	 * the shared connection); one script call each on other drivers.
	 */
	@Override
	public void storeAll(List<TaskResult> results, Duration timeToLive) {
		storeAll(results, timeToLive, LETTUCE_PRESENT);
	}

	void store(TaskResult result, Duration timeToLive, boolean pipelineOnLettuce) {
		storeAll(List.of(result), timeToLive, pipelineOnLettuce);
	}

	void storeAll(List<TaskResult> results, Duration timeToLive, boolean pipelineOnLettuce) {
		Assert.isTrue(!timeToLive.isNegative() && !timeToLive.isZero(), "Time to live must be positive");
		if (results.isEmpty()) {
			return;
		}
		List<EncodedState> states = new ArrayList<>(results.size());
		for (TaskResult result : results) {
			states.add(new EncodedState(bytes(this.keys.result(result.taskId())),
					TaskResultFormat.encode(this.codec, result),
					result.isReady() ? bytes(this.keys.readyChannel(result.taskId())) : null));
		}
		long millis = Math.max(1, timeToLive.toMillis());
		if (pipelineOnLettuce) {
			try (RedisConnection connection = this.connectionFactory.getConnection()) {
				if (LettuceResultWriter.writeAll(connection.getNativeConnection(), states, millis)) {
					return;
				}
			}
		}
		byte[] ttl = bytes(Long.toString(millis));
		this.executor.executeAll(states.stream()
			.map((state) -> new ScriptCall(STORE, ReturnType.INTEGER, 1, new byte[][] { state.key(), state.value(), ttl,
					(state.channel() != null) ? state.channel() : NO_CHANNEL }))
			.toList());
	}

	@Override
	public Optional<TaskResult> find(String taskId) {
		byte[] stored;
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			stored = connection.stringCommands().get(bytes(this.keys.result(taskId)));
		}
		return (stored != null) ? decode(stored) : Optional.empty();
	}

	/**
	 * Returns the task's final state: at once when it is stored, else when it is announced. A Redis that cannot be
	 * reached for now (a connection being re-established) does not fail the wait: the subscription and the read of
	 * the state are tried again until the result comes or the caller stops waiting.
	 */
	@Override
	public CompletableFuture<TaskResult> whenReady(String taskId) {
		Optional<TaskResult> current;
		try {
			current = find(taskId).filter(TaskResult::isReady);
		}
		catch (RuntimeException ex) {
			if (!RedisFailures.isUnavailable(ex)) {
				throw ex;
			}
			// the subscription reads the state again once it is in place
			current = Optional.empty();
		}
		if (current.isPresent()) {
			return CompletableFuture.completedFuture(current.get());
		}
		return this.subscriptions.await(taskId).thenApply((result) -> result);
	}

	@Override
	public void forget(String taskId) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.keyCommands().del(bytes(this.keys.result(taskId)));
		}
	}

	/**
	 * Stops the subscriber connection.
	 */
	@Override
	public void close() {
		this.subscriptions.close();
	}

	int waitedTaskCount() {
		return this.subscriptions.size();
	}

	private Optional<TaskResult> decode(byte[] stored) {
		try {
			return Optional.ofNullable(TaskResultFormat.decode(this.codec, stored));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring an unreadable task state: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
