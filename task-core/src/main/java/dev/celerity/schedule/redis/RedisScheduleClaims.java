package dev.celerity.schedule.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.Assert;

import dev.celerity.redis.LuaScript;
import dev.celerity.redis.ScriptCall;
import dev.celerity.redis.ScriptExecutor;
import dev.celerity.schedule.ScheduleClaims;
import dev.celerity.schedule.TickClaim;

/**
 * Tick claims in Redis, shared by every instance on the same Redis: one script per claim sets the tick's key with
 * {@code SET NX PX} and advances the schedule's last tick, atomically.
 *
 * <p>Keys: {@code <prefix>:beat:{<schedule>}:last} (the last tick, kept without expiry so a restart knows what was
 * missed) and {@code <prefix>:beat:{<schedule>}:tick:<epoch millis>} (who claimed a tick, kept for the claim's time
 * to live). Both keys of a schedule share a hash tag, so the script works on Redis Cluster.
 */
public class RedisScheduleClaims implements ScheduleClaims {

	private static final LuaScript CLAIM_TICK = LuaScript.load(RedisScheduleClaims.class, "claimTick");

	private final StringRedisTemplate redis;

	private final ScriptExecutor executor;

	private final BeatKeys keys;

	private final Duration claimTimeToLive;

	private final String owner;

	/**
	 * Creates the claims.
	 * @param redis the template
	 * @param prefix the prefix of every key, without braces
	 * @param claimTimeToLive how long a tick's claim key lives
	 * @param owner this instance's id, recorded in the claim keys it wins
	 */
	public RedisScheduleClaims(StringRedisTemplate redis, String prefix, Duration claimTimeToLive, String owner) {
		Assert.isTrue(claimTimeToLive.toMillis() >= 1, "Claim time to live must be at least one millisecond");
		this.redis = redis;
		this.executor = new ScriptExecutor(redis.getRequiredConnectionFactory());
		this.keys = new BeatKeys(prefix);
		this.claimTimeToLive = claimTimeToLive;
		this.owner = owner;
	}

	@Override
	public TickClaim claim(String schedule, Instant tick) {
		long millis = tick.toEpochMilli();
		List<?> reply = this.executor.execute(ScriptCall.of(CLAIM_TICK, ReturnType.MULTI,
				List.of(tickKey(schedule, tick), lastKey(schedule)), Long.toString(millis), this.owner,
				Long.toString(this.claimTimeToLive.toMillis())));
		Assert.state(reply != null && reply.size() == 2, () -> "Unexpected reply of claimTick: " + reply);
		boolean claimed = ((Number) reply.get(0)).longValue() == 1;
		return new TickClaim(claimed, instant(new String((byte[]) reply.get(1), StandardCharsets.UTF_8)));
	}

	@Override
	public Optional<Instant> lastTick(String schedule) {
		return Optional.ofNullable(instant(this.redis.opsForValue().get(lastKey(schedule))));
	}

	/**
	 * Returns the key holding a schedule's last tick.
	 * @param schedule the schedule's name
	 * @return the key
	 */
	public String lastKey(String schedule) {
		return this.keys.last(schedule);
	}

	/**
	 * Returns the claim key of one tick.
	 * @param schedule the schedule's name
	 * @param tick the tick
	 * @return the key
	 */
	public String tickKey(String schedule, Instant tick) {
		return this.keys.tick(schedule, tick);
	}

	private static Instant instant(String millis) {
		return (millis == null || millis.isEmpty()) ? null : Instant.ofEpochMilli(Long.parseLong(millis));
	}

}
