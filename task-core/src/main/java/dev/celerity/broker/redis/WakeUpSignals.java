package dev.celerity.broker.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.zset.Tuple;

/**
 * Waits for a queue's wake-up signal with a blocking {@code BZPOPMIN}, each waiting thread on a connection of its
 * own (a blocking read would stall every other command on a shared connection). Idle connections are kept for the
 * next wait, so a consumer costs one blocking read per wait and no connection set-up.
 */
final class WakeUpSignals implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WakeUpSignals.class);

	private final RedisConnectionFactory connectionFactory;

	private final Deque<RedisConnection> idle = new ConcurrentLinkedDeque<>();

	private volatile boolean closed;

	WakeUpSignals(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	/**
	 * Blocks until a signal is taken or the timeout passes.
	 * @param wakeKey the queue's wake-up key
	 * @param timeout how long to wait, at least a millisecond
	 * @return the signal taken, {@link Signal#NONE} if none came in time
	 */
	Signal await(String wakeKey, Duration timeout) {
		RedisConnection connection = this.idle.pollFirst();
		if (connection == null) {
			connection = this.connectionFactory.getConnection();
		}
		boolean reusable = false;
		try {
			Tuple taken = connection.zSetCommands()
				.bZPopMin(wakeKey.getBytes(StandardCharsets.UTF_8), Math.max(1, timeout.toMillis()),
						TimeUnit.MILLISECONDS);
			reusable = true;
			return Signal.of(taken);
		}
		catch (QueryTimeoutException ex) {
			// the client gave up before the server did: the connection is out of step, so it is dropped
			logger.debug("Blocking wait on {} timed out on the client side; check the Redis command timeout",
					wakeKey, ex);
			return Signal.NONE;
		}
		finally {
			if (reusable && !this.closed) {
				this.idle.addFirst(connection);
			}
			else {
				closeQuietly(connection);
			}
		}
	}

	/**
	 * A wake-up signal: the scripts leave {@code w} when work is ready, {@code d} when only a due time changed.
	 */
	enum Signal {

		/** No signal came in time. */
		NONE,

		/** Work was made ready (published, released, returned, or left for the next consumer). */
		READY,

		/** Something was delayed: the next due time may be sooner than the waiter knew. */
		DUE_TIME_CHANGED;

		static Signal of(Tuple taken) {
			if (taken == null) {
				return NONE;
			}
			byte[] member = taken.getValue();
			return (member.length == 1 && member[0] == 'd') ? DUE_TIME_CHANGED : READY;
		}

	}

	@Override
	public void close() {
		this.closed = true;
		RedisConnection connection;
		while ((connection = this.idle.pollFirst()) != null) {
			closeQuietly(connection);
		}
	}

	private static void closeQuietly(RedisConnection connection) {
		try {
			connection.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not close a blocking Redis connection", ex);
		}
	}

}
