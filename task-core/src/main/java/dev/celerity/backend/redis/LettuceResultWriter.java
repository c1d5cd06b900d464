package dev.celerity.backend.redis;

import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import dev.celerity.redis.LettuceReplies;

/**
 * Writes states and their announcements on Lettuce's shared connection without waiting in between: one round trip
 * for the lot, and each key is written before its announcement is sent.
 */
final class LettuceResultWriter {

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
		replies.forEach((reply) -> LettuceReplies.await(reply, "storing a task state"));
		return true;
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
