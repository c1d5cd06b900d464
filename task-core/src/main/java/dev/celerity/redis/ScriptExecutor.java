package dev.celerity.redis;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.ClassUtils;

/**
 * Runs Lua scripts by SHA-1 on the application's connection factory, sending the script text only when the server
 * does not know it yet (after a restart or a {@code SCRIPT FLUSH}, or on a new cluster node). The one way every
 * Redis feature calls its scripts.
 */
public final class ScriptExecutor {

	private static final boolean LETTUCE_PRESENT = ClassUtils
		.isPresent("io.lettuce.core.api.async.RedisScriptingAsyncCommands", ScriptExecutor.class.getClassLoader());

	private static final Logger logger = LoggerFactory.getLogger(ScriptExecutor.class);

	private final RedisConnectionFactory connectionFactory;

	/**
	 * Creates an executor.
	 * @param connectionFactory the application's Redis connection factory
	 */
	public ScriptExecutor(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	/**
	 * Loads scripts into the server's script cache.
	 * @param scripts the scripts
	 */
	public void load(List<LuaScript> scripts) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			for (LuaScript script : scripts) {
				connection.scriptingCommands().scriptLoad(script.text());
			}
		}
	}

	/**
	 * Runs one script call.
	 * @param <T> the reply type
	 * @param call the call
	 * @return the reply
	 */
	public <T> T execute(ScriptCall call) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			return execute(connection, call);
		}
	}

	/**
	 * Sends one script call without waiting for its reply, on Lettuce's shared connection (so it runs before any
	 * call sent after it there); with another driver, or a connection of its own, it runs the call and waits. A failure
	 * is logged, not thrown.
	 * @param call the call
	 */
	public void send(ScriptCall call) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			if (LETTUCE_PRESENT && sharesConnection()
					&& LettucePipeline.send(connection.getNativeConnection(), call)) {
				return;
			}
			execute(connection, call);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not run script {}: {}", call.script().name(), ex.toString());
		}
	}

	private boolean sharesConnection() {
		return this.connectionFactory instanceof LettuceConnectionFactory lettuce && lettuce.getShareNativeConnection();
	}

	/**
	 * Runs several script calls in one round trip where the driver allows it (Lettuce), else one after the other.
	 * @param calls the calls
	 * @return their replies, in order
	 */
	public List<Object> executeAll(List<ScriptCall> calls) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			if (LETTUCE_PRESENT) {
				List<Object> replies = LettucePipeline.executeAll(connection.getNativeConnection(), calls);
				if (replies != null) {
					return replies;
				}
			}
			List<Object> replies = new ArrayList<>(calls.size());
			for (ScriptCall call : calls) {
				replies.add(execute(connection, call));
			}
			return replies;
		}
	}

	private static <T> T execute(RedisConnection connection, ScriptCall call) {
		try {
			return connection.scriptingCommands()
				.evalSha(call.script().sha(), call.returnType(), call.numKeys(), call.keysAndArgs());
		}
		catch (RuntimeException ex) {
			if (!isNoScript(ex)) {
				throw ex;
			}
			return connection.scriptingCommands()
				.eval(call.script().text(), call.returnType(), call.numKeys(), call.keysAndArgs());
		}
	}

	// the server forgot the script (restart, SCRIPT FLUSH, fail-over): the caller sends its text once
	static boolean isNoScript(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String message = cause.getMessage();
			if (message != null && message.contains("NOSCRIPT")) {
				return true;
			}
		}
		return false;
	}

}
