package dev.celerity.control.redis;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.control.WorkerHeartbeat;
import dev.celerity.control.WorkerRegistry;
import dev.celerity.message.MessageCodec;

/**
 * Heartbeats of the whole cluster in one Redis hash (instance id to heartbeat and expiry), so that listing the live
 * workers is one command; expired entries are dropped as they are seen.
 */
public class RedisWorkerRegistry implements WorkerRegistry {

	private final StringRedisTemplate redis;

	private final MessageCodec codec;

	private final String key;

	private final Clock clock;

	/**
	 * Creates a registry.
	 * @param redis the Redis access
	 * @param codec writes and reads heartbeats as JSON
	 * @param prefix the key prefix shared by Celerity's keys
	 * @param clock the clock that decides when heartbeats expire
	 */
	public RedisWorkerRegistry(StringRedisTemplate redis, MessageCodec codec, String prefix, Clock clock) {
		this.redis = redis;
		this.codec = codec;
		this.key = new ControlKeys(prefix).workers();
		this.clock = clock;
	}

	@Override
	public void beat(WorkerHeartbeat heartbeat, Duration timeToLive) {
		Entry entry = new Entry(heartbeat, this.clock.instant().plus(timeToLive));
		this.redis.opsForHash().put(this.key, heartbeat.instance().id(),
				new String(this.codec.write(entry), StandardCharsets.UTF_8));
	}

	@Override
	public void remove(String instanceId) {
		this.redis.opsForHash().delete(this.key, instanceId);
	}

	@Override
	public List<WorkerHeartbeat> live() {
		Instant now = this.clock.instant();
		List<WorkerHeartbeat> live = new ArrayList<>();
		for (Map.Entry<Object, Object> field : this.redis.opsForHash().entries(this.key).entrySet()) {
			Entry entry = read((String) field.getValue());
			if (entry != null && entry.expires().isAfter(now)) {
				live.add(entry.heartbeat());
			}
			else {
				this.redis.opsForHash().delete(this.key, field.getKey());
			}
		}
		live.sort(Comparator.comparing((WorkerHeartbeat beat) -> beat.instance().id()));
		return live;
	}

	private Entry read(String json) {
		try {
			return this.codec.read(json.getBytes(StandardCharsets.UTF_8), Entry.class);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A heartbeat as stored.
	 *
	 * @param heartbeat the heartbeat
	 * @param expires when it stops counting
	 */
	public record Entry(WorkerHeartbeat heartbeat, Instant expires) {
	}

}
