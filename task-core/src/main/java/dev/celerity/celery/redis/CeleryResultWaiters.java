package dev.celerity.celery.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.celerity.backend.TaskResult;

/**
 * The waiters of final results on Celery's channels ({@code celery-task-meta-<id>}, where Celery's Redis backend
 * publishes every state it stores): one subscription per awaited task, shared by its waiters, on one listener
 * container started on the first wait.
 */
final class CeleryResultWaiters implements AutoCloseable {

	private final RedisConnectionFactory connectionFactory;

	private final Function<byte[], Optional<TaskResult>> decoder;

	private final Function<String, Optional<TaskResult>> lookup;

	private final Duration waiterTimeToLive;

	private final ConcurrentMap<String, Waiter> waiters = new ConcurrentHashMap<>();

	private RedisMessageListenerContainer container;

	CeleryResultWaiters(RedisConnectionFactory connectionFactory, Function<byte[], Optional<TaskResult>> decoder,
			Function<String, Optional<TaskResult>> lookup, Duration waiterTimeToLive) {
		this.connectionFactory = connectionFactory;
		this.decoder = decoder;
		this.lookup = lookup;
		this.waiterTimeToLive = waiterTimeToLive;
	}

	CompletableFuture<TaskResult> await(String taskId) {
		Waiter waiter = new Waiter(taskId);
		Waiter existing = this.waiters.putIfAbsent(taskId, waiter);
		if (existing != null) {
			return existing.future;
		}
		waiter.future.orTimeout(this.waiterTimeToLive.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((result, ex) -> {
				this.waiters.remove(taskId, waiter);
				container().removeMessageListener(waiter, waiter.topic);
			});
		// subscribed before the key is read again, so a state stored in between is not missed
		container().addMessageListener(waiter, waiter.topic);
		this.lookup.apply(taskId).filter(TaskResult::isReady).ifPresent(waiter.future::complete);
		return waiter.future;
	}

	private synchronized RedisMessageListenerContainer container() {
		if (this.container == null) {
			RedisMessageListenerContainer created = new RedisMessageListenerContainer();
			created.setConnectionFactory(this.connectionFactory);
			created.afterPropertiesSet();
			created.start();
			this.container = created;
		}
		return this.container;
	}

	@Override
	public synchronized void close() {
		if (this.container != null) {
			this.container.stop();
			try {
				this.container.destroy();
			}
			catch (Exception ex) {
				// closing: nothing left to do with a container that fails to stop
			}
			this.container = null;
		}
	}

	private final class Waiter implements MessageListener {

		private final CompletableFuture<TaskResult> future = new CompletableFuture<>();

		private final ChannelTopic topic;

		Waiter(String taskId) {
			this.topic = new ChannelTopic(CeleryKeys.taskMeta(taskId));
		}

		@Override
		public void onMessage(Message message, byte[] pattern) {
			CeleryResultWaiters.this.decoder.apply(message.getBody())
				.filter(TaskResult::isReady)
				.ifPresent(this.future::complete);
		}

	}

}
