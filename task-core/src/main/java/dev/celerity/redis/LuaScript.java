package dev.celerity.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * A Lua script read from a {@code .lua} resource beside the classes of the feature that owns it, with its
 * {@code -- @include name} lines replaced by the fragments in that feature's {@code includes/}; called by its SHA-1
 * digest through a {@link ScriptExecutor}.
 */
public final class LuaScript {

	private static final Pattern INCLUDE = Pattern.compile("(?m)^-- @include (\\w+)\\s*$");

	private final String name;

	private final byte[] text;

	private final byte[] sha;

	private LuaScript(String name, String text) {
		this.name = name;
		this.text = text.getBytes(StandardCharsets.UTF_8);
		this.sha = new DefaultRedisScript<>(text).getSha1().getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Loads a script from the package of a class.
	 * @param owner a class of the package holding the script (and its {@code includes/})
	 * @param name the file name without {@code .lua}
	 * @return the script
	 * @throws IllegalStateException if the script or one of its includes is missing
	 */
	public static LuaScript load(Class<?> owner, String name) {
		return new LuaScript(name, expand(owner, read(owner, name + ".lua")));
	}

	/**
	 * Creates a script from its text (tests, tools); includes are looked up beside {@code owner}.
	 * @param owner a class of the package holding the includes
	 * @param name a name for messages
	 * @param text the Lua text
	 * @return the script
	 */
	public static LuaScript of(Class<?> owner, String name, String text) {
		return new LuaScript(name, expand(owner, text));
	}

	/**
	 * Returns the script's name.
	 * @return the file name without {@code .lua}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the script's text, includes expanded; sent only when the server does not know the digest.
	 * @return the UTF-8 text
	 */
	public byte[] text() {
		return this.text;
	}

	/**
	 * Returns the hexadecimal SHA-1 digest the script is called by.
	 * @return the digest, ASCII
	 */
	public byte[] sha() {
		return this.sha;
	}

	private static String expand(Class<?> owner, String text) {
		Matcher matcher = INCLUDE.matcher(text);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			String fragment = read(owner, "includes/" + matcher.group(1) + ".lua");
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(fragment));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}

	private static String read(Class<?> owner, String resource) {
		try (InputStream in = owner.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(
						"Missing Lua script resource " + resource + " beside " + owner.getName());
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
