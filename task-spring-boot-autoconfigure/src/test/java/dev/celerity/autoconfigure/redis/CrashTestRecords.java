package dev.celerity.autoconfigure.redis;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnection;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;

/**
 * What the crash tests share: the worker child process, the surviving in-test worker, and reading back from Redis
 * what {@link CrashTestTasks} recorded.
 */
final class CrashTestRecords {

	private final RedisTestContext redis;

	private final String queue;

	CrashTestRecords(RedisTestContext redis, String queue) {
		this.redis = redis;
		this.queue = queue;
	}

	/**
	 * Starts a worker in a JVM of its own, to be killed.
	 * @param instance the instance name
	 * @param logName the log file's name under {@code target}
	 * @return the process
	 * @throws IOException if it cannot start
	 */
	Process startWorkerProcess(String instance, String logName) throws IOException {
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				CrashTestWorker.class.getName(), RedisTestServer.url(), this.redis.keyPrefix(), this.queue, instance)
			.redirectErrorStream(true)
			.redirectOutput(new File("target", logName))
			.start();
	}

	/**
	 * Returns the runner of the worker that survives, in this JVM.
	 * @param autoConfigurations auto-configurations beyond Redis and Celerity's own
	 * @return the runner
	 */
	ApplicationContextRunner survivorRunner(Class<?>... autoConfigurations) {
		Map<String, Object> properties = CrashTestWorker.properties(RedisTestServer.url(), this.redis.keyPrefix(),
				this.queue, "survivor");
		Class<?>[] all = Stream.concat(Stream.of(DataRedisAutoConfiguration.class,
				CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class), Stream.of(autoConfigurations))
			.toArray(Class<?>[]::new);
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(all))
			.withPropertyValues(properties.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new))
			.withBean(CrashTestTasks.class, () -> new CrashTestTasks("survivor", this.redis.keyPrefix(),
					this.redis.connectionFactory()));
	}

	boolean ready(String instance) {
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			return Boolean.TRUE.equals(connection.keyCommands()
				.exists(CrashTestTasks.bytes(CrashTestTasks.readyKey(this.redis.keyPrefix(), instance))));
		}
	}

	Set<String> started(String instance) {
		return members(CrashTestTasks.startedKey(this.redis.keyPrefix(), instance));
	}

	Set<String> finished(String instance) {
		return members(CrashTestTasks.finishedKey(this.redis.keyPrefix(), instance));
	}

	Set<String> hanging() {
		return members(CrashTestTasks.hangingKey(this.redis.keyPrefix()));
	}

	/**
	 * Returns what the victim has started and not finished.
	 * @return the ids or jobs in flight in the victim
	 */
	Set<String> inFlight() {
		Set<String> inFlight = new HashSet<>(started(CrashTestTasks.VICTIM));
		inFlight.removeAll(finished(CrashTestTasks.VICTIM));
		return inFlight;
	}

	/**
	 * Returns how many times each job or step started, across instances.
	 * @return the run counts
	 */
	Map<String, Long> runs() {
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			return connection.hashCommands()
				.hGetAll(CrashTestTasks.bytes(CrashTestTasks.runsKey(this.redis.keyPrefix())))
				.entrySet()
				.stream()
				.collect(Collectors.toMap((entry) -> new String(entry.getKey()),
						(entry) -> Long.parseLong(new String(entry.getValue()))));
		}
	}

	private Set<String> members(String key) {
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			return connection.setCommands()
				.sMembers(CrashTestTasks.bytes(key))
				.stream()
				.map(String::new)
				.collect(Collectors.toSet());
		}
	}

}
