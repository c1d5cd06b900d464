package dev.celerity.autoconfigure.control;

import java.util.Optional;
import java.util.Set;

import dev.celerity.control.ControlCommand;
import dev.celerity.control.ControlCommandHandler;
import dev.celerity.ratelimit.RateLimit;
import dev.celerity.ratelimit.RateLimits;

/**
 * Applies the {@code rate_limit} control command through {@link RateLimits}: an instance whose limit differs from
 * the requested one changes it (the change is idempotent by value, so several instances racing to apply it agree),
 * and every instance replies with the limit it now enforces.
 */
class RateLimitCommandHandler implements ControlCommandHandler {

	private final RateLimits limits;

	RateLimitCommandHandler(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public Set<String> actions() {
		return Set.of(ControlCommand.RATE_LIMIT);
	}

	@Override
	public String apply(ControlCommand command) {
		String task = command.argument("task");
		String text = command.arguments().get("limit");
		if (text == null) {
			this.limits.remove(task);
			return "run-time limit removed, now " + describe(this.limits.limitOf(task));
		}
		RateLimit wanted = RateLimit.parse(text);
		if (!this.limits.limitOf(task).equals(Optional.of(wanted))) {
			this.limits.update(task, wanted);
		}
		return "limit " + wanted;
	}

	private static String describe(Optional<RateLimit> limit) {
		return limit.map(RateLimit::toString).orElse("unlimited");
	}

}
