package dev.celerity.ratelimit.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.celerity.ratelimit.RateLimit;
import dev.celerity.ratelimit.RateLimitChange;
import dev.celerity.ratelimit.RateLimitChannel;
import dev.celerity.redis.LuaScript;
import dev.celerity.redis.ScriptCall;
import dev.celerity.redis.ScriptExecutor;

/**
 * Broadcasts rate limit changes through Redis: one script bumps a version counter, records the change in a hash (so
 * instances that start later catch up) and publishes it; every instance applies what it receives on the channel,
 * ignoring changes older than the one it has.
 */
public class RedisRateLimitChannel implements RateLimitChannel, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(RedisRateLimitChannel.class);

	private static final LuaScript PUBLISH_CHANGE = LuaScript.load(RedisRateLimitChannel.class,
			"publishRateLimitChange");

	private final StringRedisTemplate redis;

	private final ScriptExecutor executor;

	private final RedisMessageListenerContainer listeners;

	private final String changesKey;

	private final String versionKey;

	private final String channel;

	/**
	 * Creates a channel.
	 * @param connectionFactory the application's Redis connection factory
	 * @param keyPrefix the prefix of Celerity's keys, for example {@code celerity}
	 */
	public RedisRateLimitChannel(RedisConnectionFactory connectionFactory, String keyPrefix) {
		RateLimitKeys keys = new RateLimitKeys(keyPrefix);
		this.redis = new StringRedisTemplate(connectionFactory);
		this.executor = new ScriptExecutor(connectionFactory);
		this.changesKey = keys.changes();
		this.versionKey = keys.version();
		this.channel = keys.changedChannel();
		this.listeners = new RedisMessageListenerContainer();
		this.listeners.setConnectionFactory(connectionFactory);
		this.listeners.afterPropertiesSet();
		this.listeners.start();
	}

	@Override
	public RateLimitChange publish(String task, RateLimit limit) {
		Long version = this.executor.execute(ScriptCall.of(PUBLISH_CHANGE, ReturnType.INTEGER,
				List.of(this.changesKey, this.versionKey), task, (limit != null) ? limit.toString() : "",
				this.channel));
		return new RateLimitChange(task, limit, (version != null) ? version : 0);
	}

	@Override
	public List<RateLimitChange> subscribe(Consumer<RateLimitChange> receiver) {
		this.listeners.addMessageListener((message, pattern) -> {
			String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split("\\|", 3);
			if (parts.length == 3) {
				receiver.accept(change(parts[2], parts[0], parts[1]));
			}
			else {
				logger.warn("Ignoring malformed rate limit change on channel '{}'", this.channel);
			}
		}, new ChannelTopic(this.channel));
		List<RateLimitChange> changes = new ArrayList<>();
		for (Map.Entry<Object, Object> entry : this.redis.opsForHash().entries(this.changesKey).entrySet()) {
			String[] parts = String.valueOf(entry.getValue()).split("\\|", 2);
			if (parts.length == 2) {
				changes.add(change(String.valueOf(entry.getKey()), parts[0], parts[1]));
			}
		}
		return changes;
	}

	@Override
	public void destroy() throws Exception {
		this.listeners.destroy();
	}

	private static RateLimitChange change(String task, String version, String limit) {
		return new RateLimitChange(task, limit.isEmpty() ? null : RateLimit.parse(limit), Long.parseLong(version));
	}

}
