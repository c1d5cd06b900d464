package dev.celerity.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides which instance acts on a schedule's tick, and remembers each schedule's last tick so that a restart
 * neither repeats nor silently drops one.
 *
 * <p>A claim is atomic and monotonic per schedule: it succeeds for exactly one caller, and only when the tick is
 * later than the schedule's last claimed tick. A memory implementation serves one JVM; a shared store (Redis) makes
 * the guarantee hold across every instance that uses it.
 */
public interface ScheduleClaims {

	/**
	 * Claims a tick of a schedule.
	 * @param schedule the schedule's name
	 * @param tick the tick
	 * @return whether this caller won it, and the tick claimed before
	 */
	TickClaim claim(String schedule, Instant tick);

	/**
	 * Returns the last tick claimed for a schedule, by any instance.
	 * @param schedule the schedule's name
	 * @return the tick, empty if none is recorded
	 */
	Optional<Instant> lastTick(String schedule);

}
