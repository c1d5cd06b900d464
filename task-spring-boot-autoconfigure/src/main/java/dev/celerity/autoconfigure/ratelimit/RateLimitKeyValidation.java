package dev.celerity.autoconfigure.ratelimit;

import org.springframework.context.SmartLifecycle;

import dev.celerity.ratelimit.RateLimitKeyResolver;
import dev.celerity.registry.TaskRegistry;

/**
 * Parses every task's {@code rateLimitKey} once all tasks are registered and before the worker starts, so a bad
 * expression fails start-up naming the task.
 */
class RateLimitKeyValidation implements SmartLifecycle {

	private final TaskRegistry registry;

	private final RateLimitKeyResolver keys;

	private volatile boolean running;

	RateLimitKeyValidation(TaskRegistry registry, RateLimitKeyResolver keys) {
		this.registry = registry;
		this.keys = keys;
	}

	@Override
	public void start() {
		this.registry.all().forEach((task) -> this.keys.validate(task.name(), task.rateLimitKey()));
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// before the worker (default phase) starts consuming
		return Integer.MIN_VALUE;
	}

}
