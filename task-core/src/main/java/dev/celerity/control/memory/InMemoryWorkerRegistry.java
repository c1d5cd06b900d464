package dev.celerity.control.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.celerity.control.WorkerHeartbeat;
import dev.celerity.control.WorkerRegistry;

/**
 * The workers of one JVM: heartbeats held in a map, each valid until its time to live passes.
 */
public class InMemoryWorkerRegistry implements WorkerRegistry {

	private final Map<String, Entry> heartbeats = new ConcurrentHashMap<>();

	private final Clock clock;

	/**
	 * Creates a registry on the system clock.
	 */
	public InMemoryWorkerRegistry() {
		this(Clock.systemUTC());
	}

	/**
	 * Creates a registry.
	 * @param clock the clock that decides when heartbeats expire
	 */
	public InMemoryWorkerRegistry(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void beat(WorkerHeartbeat heartbeat, Duration timeToLive) {
		this.heartbeats.put(heartbeat.instance().id(), new Entry(heartbeat, this.clock.instant().plus(timeToLive)));
	}

	@Override
	public void remove(String instanceId) {
		this.heartbeats.remove(instanceId);
	}

	@Override
	public List<WorkerHeartbeat> live() {
		Instant now = this.clock.instant();
		this.heartbeats.values().removeIf((entry) -> !entry.expires().isAfter(now));
		return this.heartbeats.values()
			.stream()
			.map(Entry::heartbeat)
			.sorted(Comparator.comparing((WorkerHeartbeat beat) -> beat.instance().id()))
			.toList();
	}

	private record Entry(WorkerHeartbeat heartbeat, Instant expires) {
	}

}
