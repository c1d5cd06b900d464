package dev.celerity.ratelimit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The channel of a single instance (the embedded broker): changes apply at once, in this JVM only.
 */
public class LocalRateLimitChannel implements RateLimitChannel {

	private final AtomicLong versions = new AtomicLong();

	private final List<Consumer<RateLimitChange>> receivers = new CopyOnWriteArrayList<>();

	@Override
	public RateLimitChange publish(String task, RateLimit limit) {
		RateLimitChange change = new RateLimitChange(task, limit, this.versions.incrementAndGet());
		this.receivers.forEach((receiver) -> receiver.accept(change));
		return change;
	}

	@Override
	public List<RateLimitChange> subscribe(Consumer<RateLimitChange> receiver) {
		this.receivers.add(receiver);
		return List.of();
	}

}
