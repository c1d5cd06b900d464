package dev.celerity.backend.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

import dev.celerity.backend.ChordProgress;
import dev.celerity.backend.ChordStore;
import dev.celerity.message.MessageCodec;
import dev.celerity.redis.LuaScript;
import dev.celerity.redis.ScriptCall;
import dev.celerity.redis.ScriptExecutor;

/**
 * The chord counter on Redis: each chord is one hash, {@code <prefix>:chord:{<chord id>}}, holding the header results
 * by position, updated by one Lua script per header task, so exactly one header task sees the header complete for
 * the first time, whichever instance runs it.
 */
public class RedisChordStore implements ChordStore {

	private static final LuaScript COMPLETE = LuaScript.load(RedisChordStore.class, "completeChord");

	private static final LuaScript FAIL = LuaScript.load(RedisChordStore.class, "failChord");

	private final ScriptExecutor executor;

	private final MessageCodec codec;

	private final ResultKeys keys;

	/**
	 * Creates a store.
	 * @param connectionFactory the application's Redis connection factory
	 * @param codec the codec results are stored in
	 * @param keyPrefix the prefix of every key, without braces
	 */
	public RedisChordStore(RedisConnectionFactory connectionFactory, MessageCodec codec, String keyPrefix) {
		this.executor = new ScriptExecutor(connectionFactory);
		this.codec = codec;
		this.keys = new ResultKeys(keyPrefix);
	}

	/**
	 * Returns the key of a chord's state.
	 * @param chordId the chord's id
	 * @return the key, hash-tagged by the chord id
	 */
	public String key(String chordId) {
		return this.keys.chord(chordId);
	}

	@Override
	public ChordProgress complete(String chordId, int index, int size, Object result, Duration timeToLive) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("Header position " + index + " is outside a chord of " + size);
		}
		List<?> reply = this.executor.execute(ScriptCall.of(COMPLETE, ReturnType.MULTI, new String[] { key(chordId) },
				bytes(Integer.toString(index)), bytes(Integer.toString(size)), this.codec.write(result),
				bytes(Long.toString(timeToLive.toMillis()))));
		int completed = ((Number) reply.get(0)).intValue();
		boolean failed = ((Number) reply.get(1)).intValue() == 1;
		List<Object> results = new ArrayList<>(Math.max(0, reply.size() - 2));
		for (int i = 2; i < reply.size(); i++) {
			results.add(this.codec.read((byte[]) reply.get(i), Object.class));
		}
		return new ChordProgress(completed, size, failed, results);
	}

	@Override
	public boolean fail(String chordId, Duration timeToLive) {
		Long first = this.executor.execute(ScriptCall.of(FAIL, ReturnType.INTEGER, List.of(key(chordId)),
				Long.toString(timeToLive.toMillis())));
		return first != null && first == 1L;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
