package dev.celerity.broker.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A Lua script read from a resource beside the broker's classes, with its {@code -- @include name} lines replaced by
 * the fragments in {@code includes/}; called by its SHA-1 digest.
 */
final class LuaScript {

	private static final Pattern INCLUDE = Pattern.compile("(?m)^-- @include (\\w+)\\s*$");

	private final String name;

	private final byte[] text;

	private final byte[] sha;

	private LuaScript(String name, String text) {
		this.name = name;
		this.text = text.getBytes(StandardCharsets.UTF_8);
		RedisScript<Object> script = new DefaultRedisScript<>(text);
		this.sha = script.getSha1().getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Loads a script.
	 * @param name the file name without {@code .lua}
	 * @return the script
	 */
	static LuaScript load(String name) {
		return new LuaScript(name, expand(read(name + ".lua")));
	}

	/**
	 * Creates a script from its text (tests, tools).
	 * @param name a name for messages
	 * @param text the Lua text
	 * @return the script
	 */
	static LuaScript of(String name, String text) {
		return new LuaScript(name, expand(text));
	}

	String name() {
		return this.name;
	}

	byte[] text() {
		return this.text;
	}

	byte[] sha() {
		return this.sha;
	}

	private static String expand(String text) {
		Matcher matcher = INCLUDE.matcher(text);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(read("includes/" + matcher.group(1) + ".lua")));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}

	private static String read(String resource) {
		try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing Lua script resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read Lua script resource " + resource, ex);
		}
	}

	@Override
	public String toString() {
		return this.name + ".lua";
	}

}
