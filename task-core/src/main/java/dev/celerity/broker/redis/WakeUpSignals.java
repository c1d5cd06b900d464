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
	 * Blocks until the signal is taken or the timeout passes.
	 * @param wakeKey the queue's wake-up key
	 * @param timeout how long to wait, at least a millisecond
	 * @return whether a signal was taken
	 */
	boolean await(String wakeKey, Duration timeout) {
		RedisConnection connection = this.idle.pollFirst();
		if (connection == null) {
			connection = this.connectionFactory.getConnection();
		}
		boolean reusable = false;
		try {
			boolean signalled = connection.zSetCommands()
				.bZPopMin(wakeKey.getBytes(StandardCharsets.UTF_8), Math.max(1, timeout.toMillis()),
						TimeUnit.MILLISECONDS) != null;
			reusable = true;
			return signalled;
		}
		catch (QueryTimeoutException ex) {
			// the client gave up before the server did: the connection is out of step, so it is dropped
			logger.debug("Blocking wait on {} timed out on the client side; check the Redis command timeout",
					wakeKey, ex);
			return false;
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
