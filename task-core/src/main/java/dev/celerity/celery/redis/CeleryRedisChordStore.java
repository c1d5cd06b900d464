package dev.celerity.celery.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.types.Expiration;

import dev.celerity.backend.ChordProgress;
import dev.celerity.backend.ChordStore;
import dev.celerity.redis.LuaScript;
import dev.celerity.redis.ScriptCall;
import dev.celerity.redis.ScriptExecutor;

/**
 * Counts chord headers in Celery's own keys ({@code celery-taskset-meta-<group>.j / .s / .t}), so that a chord
 * whose header mixes Python and Java tasks completes on whichever side finishes last: a Python worker reads what
 * Celerity recorded, and Celerity reads what Python recorded. A failed header task marks the chord failed in
 * {@code .f}, a key only Celerity reads; Python never counts the failed task, so it never runs the body either.
 */
public class CeleryRedisChordStore implements ChordStore {

	private static final LuaScript COMPLETE = LuaScript.load(CeleryRedisChordStore.class, "completeCeleryChord");

	private static final Set<String> FAILED_STATES = Set.of("FAILURE", "REVOKED");

	private final RedisConnectionFactory connectionFactory;

	private final ScriptExecutor executor;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Creates a store.
	 * @param connectionFactory the application's Redis connection factory
	 */
	public CeleryRedisChordStore(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
		this.executor = new ScriptExecutor(connectionFactory);
	}

	@Override
	public ChordProgress complete(String chordId, int index, int size, Object result, Duration timeToLive) {
		if (index < 0 || (size > 0 && index >= size)) {
			throw new IllegalArgumentException("Header position " + index + " is outside a chord of " + size);
		}
		// Celery's entry names the header task; this store is told its position only
		String entry = this.mapper.writeValueAsString(java.util.Arrays.asList(1, chordId + "-" + index, "SUCCESS", result));
		List<?> reply = this.executor.execute(ScriptCall.of(COMPLETE, ReturnType.MULTI, keys(chordId),
				Integer.toString(index), Integer.toString(size), entry, Long.toString(seconds(timeToLive))));
		int recorded = ((Number) reply.get(0)).intValue();
		boolean failed = ((Number) reply.get(1)).intValue() == 1;
		List<Object> results = new ArrayList<>();
		for (int i = 2; i < reply.size(); i++) {
			List<?> stored = this.mapper.readValue((byte[]) reply.get(i), List.class);
			failed |= FAILED_STATES.contains(String.valueOf(stored.get(2)));
			results.add(stored.get(3));
		}
		int total = results.isEmpty() ? Math.max(size, recorded + 1) : results.size();
		return new ChordProgress(failed ? recorded : Math.min(recorded, total), total, failed,
				failed ? List.of() : results);
	}

	@Override
	public boolean fail(String chordId, Duration timeToLive) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			Boolean first = connection.stringCommands()
				.set(bytes(CeleryKeys.chord(chordId, ".f")), bytes("1"), Expiration.from(timeToLive),
						SetOption.ifAbsent());
			return Boolean.TRUE.equals(first);
		}
	}

	private static List<String> keys(String chordId) {
		return List.of(CeleryKeys.chord(chordId, ".j"), CeleryKeys.chord(chordId, ".t"),
				CeleryKeys.chord(chordId, ".s"), CeleryKeys.chord(chordId, ".f"));
	}

	private static long seconds(Duration timeToLive) {
		return Math.max(1, timeToLive.toSeconds());
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
