package dev.celerity.celery.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.celerity.celery.CeleryControl;
import dev.celerity.celery.CeleryEvents;
import dev.celerity.celery.KombuEnvelope;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;

/**
 * Makes a Celerity worker visible to Celery's tools on Redis: it answers the remote-control broadcasts on kombu's
 * fanout channel {@code /<db>.celery.pidbox} by pushing each reply onto the caller's list
 * {@code <oid>.reply.celery.pidbox}, and publishes Celery events on {@code /<db>.celeryev/<type with dots>}:
 * the task events and a {@code worker-heartbeat} every {@code heartbeat} (2 seconds, as Celery's workers).
 */
public class CeleryMonitoring implements TaskEventListener, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(CeleryMonitoring.class);

	private static final String PIDBOX = "celery.pidbox";

	private static final String REPLY_EXCHANGE = "reply.celery.pidbox";

	private static final String EVENTS = "celeryev";

	private final RedisConnectionFactory connectionFactory;

	private final CeleryControl control;

	private final CeleryEvents events;

	private final IntSupplier active;

	private final Duration heartbeat;

	private final String fanoutPrefix;

	private final KombuEnvelope envelope = new KombuEnvelope();

	private RedisMessageListenerContainer container;

	private ScheduledExecutorService heartbeats;

	/**
	 * Creates the monitoring of one worker.
	 * @param connectionFactory the application's Redis connection factory
	 * @param database the Redis database number, part of kombu's fanout channel names
	 * @param control the answers to remote-control commands
	 * @param events the event converter
	 * @param active how many tasks run now
	 * @param heartbeat the heartbeat interval
	 */
	public CeleryMonitoring(RedisConnectionFactory connectionFactory, int database, CeleryControl control,
			CeleryEvents events, IntSupplier active, Duration heartbeat) {
		this.connectionFactory = connectionFactory;
		this.control = control;
		this.events = events;
		this.active = active;
		this.heartbeat = heartbeat;
		this.fanoutPrefix = "/" + database + ".";
	}

	/**
	 * Subscribes to the pidbox channel, says the worker is online and starts the heartbeat.
	 */
	public synchronized void start() {
		RedisMessageListenerContainer created = new RedisMessageListenerContainer();
		created.setConnectionFactory(this.connectionFactory);
		created.addMessageListener(new Pidbox(), new ChannelTopic(this.fanoutPrefix + PIDBOX));
		created.afterPropertiesSet();
		created.start();
		this.container = created;
		publish(this.events.worker("worker-online", 0, seconds()));
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "celerity-celery-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.heartbeat.toMillis();
		this.heartbeats.scheduleAtFixedRate(
				() -> publish(this.events.worker("worker-heartbeat", this.active.getAsInt(), seconds())), millis,
				millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void onEvent(TaskEvent event) {
		Map<String, Object> converted = this.events.task(event);
		if (converted != null) {
			publish(converted);
		}
	}

	private void publish(Map<String, Object> event) {
		String routingKey = CeleryEvents.routingKey(String.valueOf(event.get("type")));
		byte[] message = this.envelope.wrap(event, Map.of("hostname", this.control.hostname()), EVENTS, routingKey,
				1);
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.publish(bytes(this.fanoutPrefix + EVENTS + "/" + routingKey), message);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not publish the Celery event {}: {}", event.get("type"), ex.toString());
		}
	}

	private double seconds() {
		return this.heartbeat.toMillis() / 1000.0;
	}

	/**
	 * Says the worker is offline and stops answering.
	 */
	@Override
	public synchronized void close() {
		if (this.heartbeats != null) {
			this.heartbeats.shutdownNow();
			publish(this.events.worker("worker-offline", 0, seconds()));
			this.heartbeats = null;
		}
		if (this.container != null) {
			this.container.stop();
			try {
				this.container.destroy();
			}
			catch (Exception ex) {
				logger.debug("Pidbox listener did not stop cleanly: {}", ex.toString());
			}
			this.container = null;
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private final class Pidbox implements MessageListener {

		@Override
		@SuppressWarnings("unchecked")
		public void onMessage(Message message, byte[] pattern) {
			try {
				Map<String, Object> command = CeleryMonitoring.this.envelope.unwrap(message.getBody());
				if (!CeleryMonitoring.this.control.isFor(command.get("destination"))) {
					return;
				}
				Map<String, Object> arguments = (command.get("arguments") instanceof Map<?, ?> args)
						? (Map<String, Object>) args : Map.of();
				Object reply = CeleryMonitoring.this.control.answer(String.valueOf(command.get("method")), arguments);
				if (command.get("reply_to") instanceof Map<?, ?> replyTo && command.get("ticket") != null) {
					reply(String.valueOf(replyTo.get("routing_key")), String.valueOf(command.get("ticket")), reply);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Ignoring a Celery remote-control message: {}", ex.toString());
			}
		}

		private void reply(String oid, String ticket, Object reply) {
			byte[] envelope = CeleryMonitoring.this.envelope.wrap(Map.of(CeleryMonitoring.this.control.hostname(),
					reply), Map.of("ticket", ticket, "clock", 0), REPLY_EXCHANGE, oid, 1);
			byte[] list = bytes(oid + "." + REPLY_EXCHANGE);
			try (RedisConnection connection = CeleryMonitoring.this.connectionFactory.getConnection()) {
				connection.listCommands().lPush(list, envelope);
				// kombu deletes a caller's reply queue with it; a reply nobody reads must not stay for ever
				connection.keyCommands().expire(list, 300);
			}
		}

	}

}
