package dev.celerity.backend.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;

/**
 * Writes states and their announcements on Lettuce's shared connection without waiting in between: one round trip
 * for the lot, and each key is written before its announcement is sent.
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
	static boolean write(Object nativeConnection, byte[] key, byte[] value, long timeToLiveMillis, byte[] channel) {
		return writeAll(nativeConnection, List.of(new EncodedState(key, value, channel)), timeToLiveMillis);
	}

	/**
	 * Writes several states and their announcements in one round trip if the connection is Lettuce's, each key
	 * before its announcement.
	 * @param nativeConnection the driver's connection
	 * @param states the encoded states
	 * @param timeToLiveMillis the time to live
	 * @return {@code false} if the connection is not a Lettuce one (nothing was written)
	 */
	@SuppressWarnings("unchecked")
	static boolean writeAll(Object nativeConnection, List<EncodedState> states, long timeToLiveMillis) {
		if (!(nativeConnection instanceof RedisClusterAsyncCommands<?, ?> async)) {
			return false;
		}
		RedisClusterAsyncCommands<byte[], byte[]> commands = (RedisClusterAsyncCommands<byte[], byte[]>) async;
		SetArgs timeToLive = SetArgs.Builder.px(timeToLiveMillis);
		List<RedisFuture<?>> replies = new ArrayList<>(states.size() * 2);
		for (EncodedState state : states) {
			replies.add(commands.set(state.key(), state.value(), timeToLive));
			if (state.channel() != null) {
				replies.add(commands.publish(state.channel(), state.value()));
			}
		}
		replies.forEach(LettuceResultWriter::await);
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

	/**
	 * A state ready to write.
	 * @param key the result key
	 * @param value the encoded state
	 * @param channel the channel to announce on, {@code null} for none
	 */
	record EncodedState(byte[] key, byte[] value, byte[] channel) {
	}

}
