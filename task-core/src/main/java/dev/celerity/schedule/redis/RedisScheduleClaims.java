package dev.celerity.schedule.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;
import org.springframework.util.Assert;

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

	private final RedisScript<List> claimTick = claimScript();

	private final StringRedisTemplate redis;

	private final String prefix;

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
		Assert.hasText(prefix, "Key prefix must not be empty");
		Assert.isTrue(prefix.indexOf('{') < 0 && prefix.indexOf('}') < 0, "Key prefix must not contain braces");
		Assert.isTrue(claimTimeToLive.toMillis() >= 1, "Claim time to live must be at least one millisecond");
		this.redis = redis;
		this.prefix = prefix;
		this.claimTimeToLive = claimTimeToLive;
		this.owner = owner;
	}

	@Override
	public TickClaim claim(String schedule, Instant tick) {
		long millis = tick.toEpochMilli();
		List<?> reply = this.redis.execute(this.claimTick, List.of(tickKey(schedule, tick), lastKey(schedule)),
				Long.toString(millis), this.owner, Long.toString(this.claimTimeToLive.toMillis()));
		Assert.state(reply != null && reply.size() == 2, () -> "Unexpected reply of claimTick: " + reply);
		boolean claimed = ((Number) reply.get(0)).longValue() == 1;
		return new TickClaim(claimed, instant(String.valueOf(reply.get(1))));
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
		return base(schedule) + "last";
	}

	/**
	 * Returns the claim key of one tick.
	 * @param schedule the schedule's name
	 * @param tick the tick
	 * @return the key
	 */
	public String tickKey(String schedule, Instant tick) {
		return base(schedule) + "tick:" + tick.toEpochMilli();
	}

	private String base(String schedule) {
		Assert.isTrue(schedule.indexOf('{') < 0 && schedule.indexOf('}') < 0,
				() -> "Schedule name must not contain braces, but was '" + schedule + "'");
		return this.prefix + ":beat:{" + schedule + "}:";
	}

	private static Instant instant(String millis) {
		return (millis == null || millis.isEmpty()) ? null : Instant.ofEpochMilli(Long.parseLong(millis));
	}

	private static RedisScript<List> claimScript() {
		DefaultRedisScript<List> script = new DefaultRedisScript<>();
		script.setScriptSource(new ResourceScriptSource(new ClassPathResource("claimTick.lua", RedisScheduleClaims.class)));
		script.setResultType(List.class);
		return script;
	}

}
