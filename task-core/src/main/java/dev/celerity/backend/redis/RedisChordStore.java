package dev.celerity.backend.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;

import dev.celerity.backend.ChordProgress;
import dev.celerity.backend.ChordStore;
import dev.celerity.message.MessageCodec;

/**
 * The chord counter on Redis: each chord is one hash, {@code <prefix>:chord:{<chord id>}}, holding the header results
 * by position, updated by one Lua script per header task, so exactly one header task sees the header complete for
 * the first time, whichever instance runs it.
 */
public class RedisChordStore implements ChordStore {

	private final StringRedisTemplate redis;

	private final MessageCodec codec;

	private final String prefix;

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> completeScript = new DefaultRedisScript<>(readScript("completeChord.lua"),
			List.class);

	private final RedisScript<Long> failScript = new DefaultRedisScript<>(readScript("failChord.lua"), Long.class);

	/**
	 * Creates a store.
	 * @param connectionFactory the application's Redis connection factory
	 * @param codec the codec results are stored in
	 * @param keyPrefix the prefix of every key, without braces
	 */
	public RedisChordStore(RedisConnectionFactory connectionFactory, MessageCodec codec, String keyPrefix) {
		Assert.hasText(keyPrefix, "Key prefix must not be empty");
		Assert.isTrue(keyPrefix.indexOf('{') < 0 && keyPrefix.indexOf('}') < 0,
				() -> "Key prefix must not contain braces, but was '" + keyPrefix + "'");
		this.redis = new StringRedisTemplate(connectionFactory);
		this.codec = codec;
		this.prefix = keyPrefix;
	}

	/**
	 * Returns the key of a chord's state.
	 * @param chordId the chord's id
	 * @return the key, hash-tagged by the chord id
	 */
	public String key(String chordId) {
		return this.prefix + ":chord:{" + chordId + "}";
	}

	@Override
	public ChordProgress complete(String chordId, int index, int size, Object result, Duration timeToLive) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("Header position " + index + " is outside a chord of " + size);
		}
		String encoded = new String(this.codec.write(result), StandardCharsets.UTF_8);
		List<?> reply = this.redis.execute(this.completeScript, List.of(key(chordId)), Integer.toString(index),
				Integer.toString(size), encoded, Long.toString(timeToLive.toMillis()));
		int completed = ((Number) reply.get(0)).intValue();
		boolean failed = ((Number) reply.get(1)).intValue() == 1;
		List<Object> results = new ArrayList<>(Math.max(0, reply.size() - 2));
		for (int i = 2; i < reply.size(); i++) {
			results.add(this.codec.read(((String) reply.get(i)).getBytes(StandardCharsets.UTF_8), Object.class));
		}
		return new ChordProgress(completed, size, failed, results);
	}

	@Override
	public boolean fail(String chordId, Duration timeToLive) {
		Long first = this.redis.execute(this.failScript, List.of(key(chordId)), Long.toString(timeToLive.toMillis()));
		return first != null && first == 1L;
	}

	private static String readScript(String name) {
		try {
			return StreamUtils.copyToString(new ClassPathResource(name, RedisChordStore.class).getInputStream(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read Lua script " + name, ex);
		}
	}

}
