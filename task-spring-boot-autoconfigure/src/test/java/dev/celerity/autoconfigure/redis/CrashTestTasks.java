package dev.celerity.autoconfigure.redis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.celerity.api.Task;

/**
 * The task of the crash test: records in Redis which instance started and finished which job, and how many times
 * each job ran, so that the test can count across processes.
 */
public class CrashTestTasks {

	private final String instance;

	private final String keyPrefix;

	private final RedisConnectionFactory connectionFactory;

	public CrashTestTasks(String instance, String keyPrefix, RedisConnectionFactory connectionFactory) {
		this.instance = instance;
		this.keyPrefix = keyPrefix;
		this.connectionFactory = connectionFactory;
	}

	@Task(name = "crash.work")
	public String work(String job) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.hashCommands().hIncrBy(bytes(runsKey(this.keyPrefix)), bytes(job), 1);
			connection.setCommands().sAdd(bytes(startedKey(this.keyPrefix, this.instance)), bytes(job));
		}
		// the work itself: long enough for the kill to catch some jobs in the middle
		LockSupport.parkNanos(100_000_000);
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.setCommands().sAdd(bytes(finishedKey(this.keyPrefix, this.instance)), bytes(job));
		}
		return this.instance;
	}

	static String runsKey(String prefix) {
		return prefix + ":crash-test:runs";
	}

	static String startedKey(String prefix, String instance) {
		return prefix + ":crash-test:started:" + instance;
	}

	static String finishedKey(String prefix, String instance) {
		return prefix + ":crash-test:finished:" + instance;
	}

	static String readyKey(String prefix, String instance) {
		return prefix + ":crash-test:ready:" + instance;
	}

	static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
