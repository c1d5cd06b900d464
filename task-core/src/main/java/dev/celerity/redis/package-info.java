/**
 * What every Redis feature shares, and nothing else: the key convention ({@link dev.celerity.redis.RedisKeys}), Lua
 * scripts and the one way to call them ({@link dev.celerity.redis.LuaScript},
 * {@link dev.celerity.redis.ScriptExecutor}), and waiting for Lettuce replies. The feature packages
 * ({@code broker.redis}, {@code backend.redis}, ...) depend on this package and never on each other; this package
 * depends on no feature.
 */
package dev.celerity.redis;
