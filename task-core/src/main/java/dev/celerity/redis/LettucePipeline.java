package dev.celerity.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.ReturnType;

/**
 * Sends several script calls on Lettuce's shared, multiplexed connection without waiting between them: one round
 * trip for the lot, and no dedicated connection.
 */
final class LettucePipeline {

	private static final Logger logger = LoggerFactory.getLogger(LettucePipeline.class);

	private LettucePipeline() {
	}

	/**
	 * Runs the calls if the native connection is Lettuce's.
	 * @param nativeConnection the driver's connection
	 * @param calls the calls
	 * @return the replies, or {@code null} if the connection is not a Lettuce one
	 */
	@SuppressWarnings("unchecked")
	static List<Object> executeAll(Object nativeConnection, List<ScriptCall> calls) {
		if (!(nativeConnection instanceof RedisScriptingAsyncCommands<?, ?> async)) {
			return null;
		}
		RedisScriptingAsyncCommands<byte[], byte[]> commands = (RedisScriptingAsyncCommands<byte[], byte[]>) async;
		List<RedisFuture<Object>> futures = new ArrayList<>(calls.size());
		for (ScriptCall call : calls) {
			futures.add(send(commands, call, false));
		}
		List<Object> replies = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			replies.add(await(commands, calls.get(i), futures.get(i)));
		}
		return replies;
	}

	/**
	 * Sends one call without waiting for its reply if the native connection is Lettuce's; if the server does not know
	 * the script, its text follows, unawaited too.
	 * @param nativeConnection the driver's connection
	 * @param call the call
	 * @return {@code false} if the connection is not a Lettuce one (nothing was sent)
	 */
	@SuppressWarnings("unchecked")
	static boolean send(Object nativeConnection, ScriptCall call) {
		if (!(nativeConnection instanceof RedisScriptingAsyncCommands<?, ?> async)) {
			return false;
		}
		RedisScriptingAsyncCommands<byte[], byte[]> commands = (RedisScriptingAsyncCommands<byte[], byte[]>) async;
		send(commands, call, false).whenComplete((reply, ex) -> {
			if (ex != null && ScriptExecutor.isNoScript(ex)) {
				send(commands, call, true).whenComplete((again, failure) -> logFailure(call, failure));
			}
			else {
				logFailure(call, ex);
			}
		});
		return true;
	}

	private static void logFailure(ScriptCall call, Throwable ex) {
		if (ex != null) {
			logger.debug("Script {} sent without waiting failed: {}", call.script().name(), ex.toString());
		}
	}

	private static RedisFuture<Object> send(RedisScriptingAsyncCommands<byte[], byte[]> commands, ScriptCall call,
			boolean withText) {
		byte[][] keys = Arrays.copyOfRange(call.keysAndArgs(), 0, call.numKeys());
		byte[][] args = Arrays.copyOfRange(call.keysAndArgs(), call.numKeys(), call.keysAndArgs().length);
		ScriptOutputType type = outputType(call.returnType());
		if (withText) {
			return commands.eval(call.script().text(), type, keys, args);
		}
		return commands.evalsha(new String(call.script().sha(), StandardCharsets.US_ASCII), type, keys, args);
	}

	private static Object await(RedisScriptingAsyncCommands<byte[], byte[]> commands, ScriptCall call,
			RedisFuture<Object> future) {
		try {
			return LettuceReplies.await(future, "waiting for Redis");
		}
		catch (RuntimeException ex) {
			if (!ScriptExecutor.isNoScript(ex)) {
				throw ex;
			}
			return LettuceReplies.await(send(commands, call, true), "waiting for Redis");
		}
	}

	private static ScriptOutputType outputType(ReturnType returnType) {
		return switch (returnType) {
			case BOOLEAN -> ScriptOutputType.BOOLEAN;
			case INTEGER -> ScriptOutputType.INTEGER;
			case MULTI -> ScriptOutputType.MULTI;
			case STATUS -> ScriptOutputType.STATUS;
			case VALUE -> ScriptOutputType.VALUE;
		};
	}

}
