package dev.celerity.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.ReturnType;

import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The one way scripts are called, on a real Redis: by digest, with the text sent when the server does not know it.
 */
@RequiresRedis
class RedisScriptExecutorTests {

	private final ScriptExecutor executor;

	RedisScriptExecutorTests(RedisTestContext redis) {
		this.executor = new ScriptExecutor(redis.connectionFactory());
	}

	@Test
	void scriptUnknownToTheServerIsSentWhole() {
		LuaScript fresh = script("return tonumber(ARGV[1]) + 1");
		Long reply = this.executor.execute(new ScriptCall(fresh, ReturnType.INTEGER, 0, new byte[][] { bytes("41") }));
		assertThat(reply).isEqualTo(42);
	}

	@Test
	void pipelinedCallsOfUnknownScriptsAreSentWholeAndAnsweredInOrder() {
		LuaScript doubled = script("return tonumber(ARGV[1]) * 2");
		LuaScript incremented = script("return tonumber(ARGV[1]) + 1");
		List<Object> replies = this.executor.executeAll(List.of(
				ScriptCall.of(doubled, ReturnType.INTEGER, List.of(), "21"),
				ScriptCall.of(incremented, ReturnType.INTEGER, List.of(), "1")));
		assertThat(replies).containsExactly(42L, 2L);
	}

	@Test
	void aCallSentWithoutWaitingRunsBeforeTheCallsSentAfterIt() {
		String key = "celerity-test-" + UUID.randomUUID();
		LuaScript append = script("return redis.call('APPEND', KEYS[1], ARGV[1])");
		this.executor.load(List.of(append));
		try {
			this.executor.send(ScriptCall.of(append, ReturnType.INTEGER, List.of(key), "sent;"));
			Long length = this.executor.execute(ScriptCall.of(append, ReturnType.INTEGER, List.of(key), "awaited"));
			assertThat(length).isEqualTo("sent;awaited".length());
		}
		finally {
			delete(key);
		}
	}

	@Test
	void aCallOfAnUnknownScriptSentWithoutWaitingIsSentWhole() {
		String key = "celerity-test-" + UUID.randomUUID();
		LuaScript set = script("return redis.call('SET', KEYS[1], ARGV[1])");
		try {
			this.executor.send(ScriptCall.of(set, ReturnType.STATUS, List.of(key), "ran"));
			LuaScript get = script("return redis.call('GET', KEYS[1])");
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.executor.execute(ScriptCall.of(get, ReturnType.VALUE, List.of(key))) != null);
		}
		finally {
			delete(key);
		}
	}

	private void delete(String key) {
		this.executor.execute(ScriptCall.of(script("return redis.call('DEL', KEYS[1])"), ReturnType.INTEGER,
				List.of(key)));
	}

	@Test
	void keysAndArgumentsReachTheScriptInTheirOrder() {
		LuaScript echo = script("return {KEYS[1], KEYS[2], ARGV[1]}");
		List<?> reply = this.executor
			.execute(ScriptCall.of(echo, ReturnType.MULTI, List.of("first", "second"), "argument"));
		assertThat(reply).map((value) -> new String((byte[]) value, StandardCharsets.UTF_8))
			.containsExactly("first", "second", "argument");
	}

	@Test
	void scriptsAreReadBesideTheirOwnerWithTheirIncludes() {
		assertThat(new String(LuaScript.of(getClass(), "uses", "-- @include answer\nreturn answer()").text(),
				StandardCharsets.UTF_8)).contains("function answer()");
		assertThatIllegalStateException().isThrownBy(() -> LuaScript.load(getClass(), "missing"))
			.withMessageContaining("missing.lua");
	}

	// a random comment gives each test a digest the server has never seen
	private static LuaScript script(String body) {
		return LuaScript.of(RedisScriptExecutorTests.class, "test", "-- " + UUID.randomUUID() + "\n" + body);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
