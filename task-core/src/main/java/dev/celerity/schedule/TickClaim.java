package dev.celerity.schedule;

import java.time.Instant;

/**
 * The answer to a tick claim.
 *
 * @param claimed whether this caller won the tick and must act on it
 * @param previous the last tick claimed before this attempt (by any instance), or {@code null} if none is known
 */
public record TickClaim(boolean claimed, Instant previous) {

}
