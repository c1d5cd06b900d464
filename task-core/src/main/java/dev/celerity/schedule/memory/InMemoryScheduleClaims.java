package dev.celerity.schedule.memory;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

import dev.celerity.schedule.ScheduleClaims;
import dev.celerity.schedule.TickClaim;

/**
 * Tick claims held in this JVM: each tick is acted on once per JVM, and the last ticks are lost when it stops.
 */
public class InMemoryScheduleClaims implements ScheduleClaims {

	private final ConcurrentMap<String, Instant> lastTicks = new ConcurrentHashMap<>();

	@Override
	public TickClaim claim(String schedule, Instant tick) {
		AtomicReference<TickClaim> claim = new AtomicReference<>();
		this.lastTicks.compute(schedule, (name, last) -> {
			boolean won = last == null || tick.isAfter(last);
			claim.set(new TickClaim(won, last));
			return won ? tick : last;
		});
		return claim.get();
	}

	@Override
	public Optional<Instant> lastTick(String schedule) {
		return Optional.ofNullable(this.lastTicks.get(schedule));
	}

}
