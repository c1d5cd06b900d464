package dev.celerity.broker.redis;

import org.springframework.data.redis.connection.ReturnType;

/**
 * One call of a Lua script.
 *
 * @param script the script
 * @param returnType how to read its reply
 * @param numKeys how many of {@code keysAndArgs} are keys
 * @param keysAndArgs the keys, then the arguments
 */
record ScriptCall(LuaScript script, ReturnType returnType, int numKeys, byte[][] keysAndArgs) {

}
