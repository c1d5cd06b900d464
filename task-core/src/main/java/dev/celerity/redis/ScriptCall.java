package dev.celerity.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.data.redis.connection.ReturnType;

/**
 * One call of a Lua script: the keys, then the arguments, in the order the script's header states.
 *
 * @param script the script
 * @param returnType how to read its reply
 * @param numKeys how many of {@code keysAndArgs} are keys
 * @param keysAndArgs the keys, then the arguments
 */
public record ScriptCall(LuaScript script, ReturnType returnType, int numKeys, byte[][] keysAndArgs) {

	/**
	 * Creates a call with binary arguments.
	 * @param script the script
	 * @param returnType how to read its reply
	 * @param keys the keys, {@code KEYS[1]} first
	 * @param args the arguments, {@code ARGV[1]} first
	 * @return the call
	 */
	public static ScriptCall of(LuaScript script, ReturnType returnType, String[] keys, byte[]... args) {
		byte[][] keysAndArgs = new byte[keys.length + args.length][];
		for (int i = 0; i < keys.length; i++) {
			keysAndArgs[i] = keys[i].getBytes(StandardCharsets.UTF_8);
		}
		System.arraycopy(args, 0, keysAndArgs, keys.length, args.length);
		return new ScriptCall(script, returnType, keys.length, keysAndArgs);
	}

	/**
	 * Creates a call with text arguments (encoded as UTF-8).
	 * @param script the script
	 * @param returnType how to read its reply
	 * @param keys the keys, {@code KEYS[1]} first
	 * @param args the arguments, {@code ARGV[1]} first
	 * @return the call
	 */
	public static ScriptCall of(LuaScript script, ReturnType returnType, List<String> keys, String... args) {
		byte[][] encoded = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			encoded[i] = args[i].getBytes(StandardCharsets.UTF_8);
		}
		return of(script, returnType, keys.toArray(String[]::new), encoded);
	}

}
