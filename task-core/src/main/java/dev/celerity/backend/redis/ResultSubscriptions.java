package dev.celerity.backend.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import dev.celerity.backend.TaskResult;
import dev.celerity.redis.RedisFailures;
import dev.celerity.redis.UnavailableRetries;

/**
 * The waiters of final results: one subscription per awaited task id, shared by all its waiters, on one listener
 * container (one subscriber connection, started on the first wait and kept by a keep-alive subscription).
 *
 * <p>A wait rides over a Redis that is unreachable for a while (a killed or dropped connection being re-established,
 * a restart): a subscription or a read of the state that fails because Redis is unavailable is tried again, after a
 * pause growing to 200 ms, until it succeeds or the wait ends (its result came, or its time to live passed); the
 * caller's own timeout is what bounds its wait. Each (re)subscription reads the state again, so a result stored
 * while the subscriber connection was down is not missed.
 */
final class ResultSubscriptions implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ResultSubscriptions.class);

	private static final long RECOVERY_INTERVAL_MILLIS = 100;

	private final RedisConnectionFactory connectionFactory;

	private final ResultKeys keys;

	private final Function<byte[], Optional<TaskResult>> decoder;

	private final Function<String, Optional<TaskResult>> lookup;

	private final Duration waiterTimeToLive;

	private final ConcurrentMap<String, Waiter> waiters = new ConcurrentHashMap<>();

	private ExecutorService executor;

	private ScheduledExecutorService retryScheduler;

	private boolean closed;

	private RedisMessageListenerContainer container;

	ResultSubscriptions(RedisConnectionFactory connectionFactory, ResultKeys keys,
			Function<byte[], Optional<TaskResult>> decoder, Function<String, Optional<TaskResult>> lookup,
			Duration waiterTimeToLive) {
		this.connectionFactory = connectionFactory;
		this.keys = keys;
		this.decoder = decoder;
		this.lookup = lookup;
		this.waiterTimeToLive = waiterTimeToLive;
	}

	/**
	 * Returns the shared future of a task's final result, subscribing to its channel if nobody waits for it yet.
	 * @param taskId the task id
	 * @return the future
	 */
	CompletableFuture<TaskResult> await(String taskId) {
		Waiter existing = this.waiters.get(taskId);
		if (existing != null) {
			return existing.future;
		}
		Waiter waiter = new Waiter(taskId, new ChannelTopic(this.keys.readyChannel(taskId)));
		existing = this.waiters.putIfAbsent(taskId, waiter);
		if (existing != null) {
			return existing.future;
		}
		waiter.future.orTimeout(this.waiterTimeToLive.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((result, ex) -> unsubscribe(waiter));
		waiter.subscribe();
		return waiter.future;
	}

	/**
	 * Returns how many task ids are waited for.
	 * @return the number of subscriptions
	 */
	int size() {
		return this.waiters.size();
	}

	@Override
	public synchronized void close() {
		if (this.container != null) {
			try {
				this.container.destroy();
			}
			catch (Exception ex) {
				logger.debug("Could not stop the result listener container", ex);
			}
			this.executor.shutdownNow();
			this.container = null;
		}
		if (this.retryScheduler != null) {
			this.retryScheduler.shutdownNow();
		}
		this.closed = true;
	}

	private synchronized RedisMessageListenerContainer container() {
		if (this.container == null) {
			ExecutorService executor = Executors.newFixedThreadPool(2, daemonThreads());
			RedisMessageListenerContainer container = new RedisMessageListenerContainer();
			container.setConnectionFactory(this.connectionFactory);
			container.setTaskExecutor(executor);
			// a subscriber connection that failed is opened again soon, not after the default 5 s
			container.setRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
			container.afterPropertiesSet();
			container.start();
			this.executor = executor;
			this.container = container;
			container.addMessageListener((message, pattern) -> {
			}, new ChannelTopic(this.keys.keepAliveChannel()));
		}
		return this.container;
	}

	private synchronized void retryLater(Runnable retry, long pauseMillis) {
		if (this.closed) {
			return;
		}
		if (this.retryScheduler == null) {
			this.retryScheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads());
		}
		this.retryScheduler.schedule(retry, pauseMillis, TimeUnit.MILLISECONDS);
	}

	private void unsubscribe(Waiter waiter) {
		this.waiters.remove(waiter.taskId, waiter);
		RedisMessageListenerContainer current;
		synchronized (this) {
			current = this.container;
		}
		if (current != null) {
			try {
				current.removeMessageListener(waiter, waiter.topic);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not unsubscribe from {}", waiter.topic.getTopic(), ex);
			}
		}
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "celerity-results-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * The subscription of one task id.
	 */
	private final class Waiter implements MessageListener, SubscriptionListener {

		private final String taskId;

		private final ChannelTopic topic;

		private final CompletableFuture<TaskResult> future = new CompletableFuture<>();

		private long pauseMillis = UnavailableRetries.FIRST_PAUSE_MILLIS;

		Waiter(String taskId, ChannelTopic topic) {
			this.taskId = taskId;
			this.topic = topic;
		}

		/**
		 * Subscribes to the task's channel, then reads the state (it may have been stored before the subscription
		 * took effect); tried again later while Redis is unavailable.
		 */
		void subscribe() {
			if (this.future.isDone()) {
				return;
			}
			try {
				container().addMessageListener(this, this.topic);
			}
			catch (RuntimeException ex) {
				if (!RedisFailures.isUnavailable(ex)) {
					this.future.completeExceptionally(ex);
					return;
				}
				logger.debug("Could not subscribe to {} yet: {}", this.topic.getTopic(), ex.toString());
				retryLater(this::subscribe, nextPause());
				return;
			}
			recheck();
		}

		@Override
		public void onMessage(Message message, byte[] pattern) {
			Optional<TaskResult> announced = ResultSubscriptions.this.decoder.apply(message.getBody());
			if (announced.isPresent() && announced.get().isReady()) {
				this.future.complete(announced.get());
			}
			else {
				recheck();
			}
		}

		@Override
		public void onChannelSubscribed(byte[] channel, long count) {
			recheck();
		}

		void recheck() {
			if (this.future.isDone()) {
				return;
			}
			try {
				ResultSubscriptions.this.lookup.apply(this.taskId)
					.filter(TaskResult::isReady)
					.ifPresent(this.future::complete);
			}
			catch (RuntimeException ex) {
				if (RedisFailures.isUnavailable(ex)) {
					logger.debug("Could not read the result of task {} yet: {}", this.taskId, ex.toString());
					retryLater(this::recheck, nextPause());
				}
				else {
					logger.warn("Could not read the result of task {}: {}", this.taskId, ex.toString());
				}
			}
		}

		private synchronized long nextPause() {
			long pause = this.pauseMillis;
			this.pauseMillis = UnavailableRetries.nextPause(pause);
			return pause;
		}

	}

}
