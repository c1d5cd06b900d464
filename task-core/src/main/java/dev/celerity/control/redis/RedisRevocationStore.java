package dev.celerity.control.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.control.ControlCommand;
import dev.celerity.control.ControlCommandHandler;
import dev.celerity.control.RevocationStore;

/**
 * Revoked task ids shared by the cluster, checked without a round trip: each instance keeps the revoked ids in a
 * local Caffeine cache (the Celery model: revoke is a broadcast, workers keep an in-memory revoked set).
 *
 * <p>A revocation is written to Redis (one key per id, expiring after the configured time, its value the instant it
 * expires) and broadcast on the control bus; every instance applies the broadcast {@code revoke} command to its cache
 * (this store is a {@link ControlCommandHandler} for it). An instance loads the revoked keys when it starts, after
 * its control bus subscribed and before its worker starts, and scans them again every refresh interval, which brings
 * in revocations whose broadcast it missed (a pub/sub connection lost at that moment).
 */
public class RedisRevocationStore implements RevocationStore, ControlCommandHandler, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RedisRevocationStore.class);

	/** After the control bus subscribed ({@code DEFAULT_PHASE - 1024}), before the worker ({@code DEFAULT_PHASE}). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

	private final StringRedisTemplate redis;

	private final ControlKeys keys;

	private final Duration timeToLive;

	private final Duration refreshInterval;

	private final Clock clock;

	private final Cache<String, Instant> revoked;

	private ScheduledExecutorService refresher;

	/**
	 * Creates a store that refreshes every minute.
	 * @param redis the Redis access
	 * @param prefix the key prefix shared by Celerity's keys
	 * @param timeToLive how long a revocation is remembered; it should outlast the longest countdown in use
	 */
	public RedisRevocationStore(StringRedisTemplate redis, String prefix, Duration timeToLive) {
		this(redis, prefix, timeToLive, Duration.ofMinutes(1), Clock.systemUTC());
	}

	/**
	 * Creates a store.
	 * @param redis the Redis access
	 * @param prefix the key prefix shared by Celerity's keys
	 * @param timeToLive how long a revocation is remembered; it should outlast the longest countdown in use
	 * @param refreshInterval how often the revoked keys are scanned again (a zero or negative interval: never)
	 * @param clock the clock
	 */
	public RedisRevocationStore(StringRedisTemplate redis, String prefix, Duration timeToLive,
			Duration refreshInterval, Clock clock) {
		this.redis = redis;
		this.keys = new ControlKeys(prefix);
		this.timeToLive = timeToLive;
		this.refreshInterval = refreshInterval;
		this.clock = clock;
		this.revoked = Caffeine.newBuilder()
			.expireAfter(Expiry.<String, Instant>writing((id, until) -> Duration.between(this.clock.instant(), until)))
			.build();
	}

	@Override
	public void revoke(String taskId) {
		Instant until = this.clock.instant().plus(this.timeToLive);
		this.redis.opsForValue().set(key(taskId), String.valueOf(until.toEpochMilli()), this.timeToLive);
		remember(taskId, until);
	}

	/**
	 * Tells whether a task was revoked, from this instance's cache: no round trip to Redis.
	 */
	@Override
	public boolean isRevoked(String taskId) {
		return this.revoked.getIfPresent(taskId) != null;
	}

	@Override
	public Set<String> actions() {
		return Set.of(ControlCommand.REVOKE);
	}

	/**
	 * Remembers a task revoked on another instance (its broadcast {@code revoke} command).
	 */
	@Override
	public String apply(ControlCommand command) {
		remember(command.argument("task_id"), this.clock.instant().plus(this.timeToLive));
		return "remembered";
	}

	/**
	 * Loads every revoked id from Redis into this instance's cache.
	 * @return how many revoked ids were found
	 */
	public int load() {
		List<String> keys = new ArrayList<>();
		ScanOptions options = ScanOptions.scanOptions().match(key("*")).count(1000).build();
		try (Cursor<String> cursor = this.redis.scan(options)) {
			cursor.forEachRemaining(keys::add);
		}
		for (int from = 0; from < keys.size(); from += 1000) {
			List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
			List<String> values = this.redis.opsForValue().multiGet(chunk);
			for (int i = 0; i < chunk.size(); i++) {
				String value = (values != null) ? values.get(i) : null;
				if (value != null) {
					remember(chunk.get(i).substring(key("").length()), until(value));
				}
			}
		}
		return keys.size();
	}

	@Override
	public synchronized void start() {
		if (this.refresher != null) {
			return;
		}
		refresh();
		this.refresher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "celerity-revocations");
			thread.setDaemon(true);
			return thread;
		});
		if (!this.refreshInterval.isNegative() && !this.refreshInterval.isZero()) {
			long period = this.refreshInterval.toMillis();
			this.refresher.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.refresher != null) {
			this.refresher.shutdownNow();
			this.refresher = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.refresher != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void refresh() {
		try {
			load();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not load the revoked task ids; tasks revoked without this instance receiving the "
					+ "broadcast may run until the next refresh succeeds: {}", ex.toString());
		}
	}

	private void remember(String taskId, Instant until) {
		if (until.isAfter(this.clock.instant())) {
			this.revoked.asMap().merge(taskId, until, (old, given) -> given.isAfter(old) ? given : old);
		}
	}

	// the key exists, so the revocation holds: a value that does not name a later instant (another format, another
	// instance's clock behind this one's) counts for the full time to live, as ids are never reused
	private Instant until(String value) {
		Instant full = this.clock.instant().plus(this.timeToLive);
		try {
			Instant until = Instant.ofEpochMilli(Long.parseLong(value));
			return until.isAfter(this.clock.instant()) ? until : full;
		}
		catch (NumberFormatException ex) {
			return full;
		}
	}

	private String key(String taskId) {
		return this.keys.revoked(taskId);
	}

}
