package dev.celerity.control.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.ClassUtils;

import dev.celerity.redis.LettuceReplies;

/**
 * Appends stream entries on Lettuce's shared, multiplexed connection without waiting between them: one round trip for
 * the lot, and no dedicated connection (Spring Data's pipelining would open one per batch).
 */
final class LettuceStreamWriter {

	private static final boolean LETTUCE_PRESENT = ClassUtils.isPresent(
			"io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands", LettuceStreamWriter.class.getClassLoader());

	private LettuceStreamWriter() {
	}

	/**
	 * Appends the entries if the connection is Lettuce's.
	 * @param redis the Redis access
	 * @param key the stream key
	 * @param maxLength about how many entries the stream keeps
	 * @param entries the entries' fields
	 * @return {@code false} if the connection is not a Lettuce one (nothing was appended)
	 */
	@SuppressWarnings("unchecked")
	static boolean appendAll(StringRedisTemplate redis, String key, long maxLength,
			List<Map<String, String>> entries) {
		if (!LETTUCE_PRESENT) {
			return false;
		}
		try (RedisConnection connection = redis.getRequiredConnectionFactory().getConnection()) {
			if (!(connection.getNativeConnection() instanceof RedisClusterAsyncCommands<?, ?> async)) {
				return false;
			}
			RedisClusterAsyncCommands<byte[], byte[]> commands = (RedisClusterAsyncCommands<byte[], byte[]>) async;
			byte[] stream = bytes(key);
			XAddArgs trim = XAddArgs.Builder.maxlen(maxLength).approximateTrimming();
			List<RedisFuture<?>> replies = new ArrayList<>(entries.size());
			for (Map<String, String> fields : entries) {
				Map<byte[], byte[]> body = new LinkedHashMap<>();
				fields.forEach((name, value) -> body.put(bytes(name), bytes(value)));
				replies.add(commands.xadd(stream, trim, body));
			}
			replies.forEach((reply) -> LettuceReplies.await(reply, "appending to the event stream"));
			return true;
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
