package dev.celerity.backend.redis;

import java.util.concurrent.ExecutionException;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;

/**
 * Writes a state and its announcement on Lettuce's shared connection without waiting in between: two commands, one
 * round trip, and the key is written before the announcement is sent.
 */
final class LettuceResultWriter {

	private static final LettuceExceptionConverter EXCEPTIONS = new LettuceExceptionConverter();

	private LettuceResultWriter() {
	}

	/**
	 * Writes the state if the connection is Lettuce's.
	 * @param nativeConnection the driver's connection
	 * @param key the result key
	 * @param value the encoded state
	 * @param timeToLiveMillis the time to live
	 * @param channel the channel to announce on, {@code null} for none
	 * @return {@code false} if the connection is not a Lettuce one (nothing was written)
	 */
	@SuppressWarnings("unchecked")
	static boolean write(Object nativeConnection, byte[] key, byte[] value, long timeToLiveMillis, byte[] channel) {
		if (!(nativeConnection instanceof RedisClusterAsyncCommands<?, ?> async)) {
			return false;
		}
		RedisClusterAsyncCommands<byte[], byte[]> commands = (RedisClusterAsyncCommands<byte[], byte[]>) async;
		RedisFuture<String> set = commands.set(key, value, SetArgs.Builder.px(timeToLiveMillis));
		RedisFuture<Long> published = (channel != null) ? commands.publish(channel, value) : null;
		await(set);
		if (published != null) {
			await(published);
		}
		return true;
	}

	private static void await(RedisFuture<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while storing a task state", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			RuntimeException translated = (cause instanceof Exception exception) ? EXCEPTIONS.convert(exception) : null;
			throw (translated != null) ? translated : new IllegalStateException(cause.getMessage(), cause);
		}
	}

}
