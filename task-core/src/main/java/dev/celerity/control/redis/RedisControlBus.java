package dev.celerity.control.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.celerity.control.ControlBus;
import dev.celerity.control.ControlCommand;
import dev.celerity.control.ControlDispatcher;
import dev.celerity.control.ControlReply;
import dev.celerity.message.MessageCodec;

/**
 * Broadcasts control commands over Redis pub/sub. Every subscribed instance applies the command and pushes its reply
 * on a list named after the command; the sender waits (blocking pop, no polling) for as many replies as Redis
 * counted receivers, or until the timeout.
 */
public class RedisControlBus implements ControlBus, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RedisControlBus.class);

	private static final Duration REPLY_KEY_TIME_TO_LIVE = Duration.ofMinutes(1);

	private final StringRedisTemplate redis;

	private final MessageCodec codec;

	private final ControlDispatcher dispatcher;

	private final ControlKeys keys;

	private final ChannelTopic channel;

	private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();

	/**
	 * Creates a bus; it receives commands once started.
	 * @param connectionFactory the Redis connections (the subscription holds one)
	 * @param redis the Redis access
	 * @param codec writes and reads commands and replies as JSON
	 * @param dispatcher applies received commands on this instance
	 * @param prefix the key and channel prefix shared by Celerity's keys
	 */
	public RedisControlBus(RedisConnectionFactory connectionFactory, StringRedisTemplate redis, MessageCodec codec,
			ControlDispatcher dispatcher, String prefix) {
		this.redis = redis;
		this.codec = codec;
		this.dispatcher = dispatcher;
		this.keys = new ControlKeys(prefix);
		this.channel = new ChannelTopic(this.keys.commandChannel());
		this.container.setConnectionFactory(connectionFactory);
		this.container.setBeanName("celerity-control");
		this.container.addMessageListener(this::onMessage, this.channel);
	}

	@Override
	public List<ControlReply> broadcast(ControlCommand command, Duration timeout) {
		Long receivers = this.redis.convertAndSend(this.channel.getTopic(),
				new String(this.codec.write(command), StandardCharsets.UTF_8));
		String replies = this.keys.replies(command.id());
		List<ControlReply> received = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (received.size() < ((receivers != null) ? receivers : 0)) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				break;
			}
			String reply = this.redis.opsForList().leftPop(replies, Math.max(1, left / 1_000_000),
					TimeUnit.MILLISECONDS);
			if (reply != null) {
				received.add(this.codec.read(reply.getBytes(StandardCharsets.UTF_8), ControlReply.class));
			}
		}
		this.redis.delete(replies);
		return received;
	}

	@Override
	public void start() {
		if (!this.container.isRunning()) {
			this.container.afterPropertiesSet();
			this.container.start();
		}
	}

	@Override
	public void stop() {
		this.container.stop();
	}

	@Override
	public boolean isRunning() {
		return this.container.isRunning();
	}

	/**
	 * Starts before the worker and the revocation store, so that no broadcast is missed between loading the revoked
	 * ids and running tasks (starting waits until the subscription is registered).
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	/**
	 * Closes the subscription for good.
	 * @throws Exception if the container fails to close
	 */
	public void destroy() throws Exception {
		this.container.destroy();
	}

	private void onMessage(Message message, byte[] pattern) {
		ControlCommand command;
		try {
			command = this.codec.read(message.getBody(), ControlCommand.class);
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring an unreadable control command: {}", ex.toString());
			return;
		}
		ControlReply reply = this.dispatcher.dispatch(command);
		String key = this.keys.replies(command.id());
		this.redis.opsForList().rightPush(key, new String(this.codec.write(reply), StandardCharsets.UTF_8));
		this.redis.expire(key, REPLY_KEY_TIME_TO_LIVE);
	}

}
