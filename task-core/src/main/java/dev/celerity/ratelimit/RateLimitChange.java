package dev.celerity.ratelimit;

/**
 * A run-time change of one task's rate limit, as broadcast to every instance.
 *
 * @param task the task name
 * @param limit the new limit, {@code null} when the limit is removed
 * @param version orders changes: an instance ignores a change older than the one it has
 */
public record RateLimitChange(String task, RateLimit limit, long version) {

}
