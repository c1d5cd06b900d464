package dev.celerity.autoconfigure.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

import dev.celerity.api.Task;
import dev.celerity.api.TaskContext;

/**
 * The tasks of the crash tests: record in Redis which instance started and finished which job (a plain task's
 * argument, a workflow step's task id), and how many times each job ran, so that the tests can count across
 * processes.
 */
public class CrashTestTasks {

	/** The instance the tests kill. */
	static final String VICTIM = "victim";

	/** How many runs the victim finishes at its normal pace before its runs hang until the kill. */
	static final int VICTIM_FAST_RUNS = 5;

	private static final String RECORD_START = "redis.call('HINCRBY', KEYS[1], ARGV[1], 1) "
			+ "redis.call('SADD', KEYS[2], ARGV[1]) redis.call('RPUSH', KEYS[3], ARGV[2]) return 1";

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
		// the work itself: long enough for the kill to catch some jobs in the middle
		record(job, 100);
		return this.instance;
	}

	/**
	 * A job that takes a second, so that a SIGTERM lands while some run.
	 * @param job the job's name
	 * @return the instance that ran it
	 */
	@Task(name = "crash.slowWork")
	public String slowWork(String job) {
		record(job, 1000);
		return this.instance;
	}

	/**
	 * A slow workflow step, recorded by its task id.
	 * @param value the previous step's result, or the first step's argument
	 * @return the value plus one
	 */
	@Task(name = "crash.step")
	public int step(int value) {
		record(TaskContext.current().id(), 150);
		return value + 1;
	}

	/**
	 * A chord body, recorded by its task id.
	 * @param values the header's results
	 * @return their sum
	 */
	@Task(name = "crash.total")
	public int total(List<Integer> values) {
		record(TaskContext.current().id(), 0);
		return values.stream().mapToInt(Integer::intValue).sum();
	}

	private void record(String job, long millis) {
		long finishedBefore;
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			// one script, so that a kill never leaves a run counted but not marked started (or the other way round)
			connection.scriptingCommands()
				.eval(bytes(RECORD_START), ReturnType.INTEGER, 3, bytes(runsKey(this.keyPrefix)),
						bytes(startedKey(this.keyPrefix, this.instance)), bytes(logKey(this.keyPrefix)), bytes(job),
						bytes(this.instance + " " + job + " " + System.currentTimeMillis()));
			Long finished = connection.setCommands().sCard(bytes(finishedKey(this.keyPrefix, this.instance)));
			finishedBefore = (finished != null) ? finished : 0;
		}
		// once the victim has shown it works, its tasks take long enough that the kill always lands in the middle
		boolean victimDone = VICTIM.equals(this.instance) && finishedBefore >= VICTIM_FAST_RUNS;
		if (victimDone) {
			try (RedisConnection connection = this.connectionFactory.getConnection()) {
				connection.setCommands().sAdd(bytes(hangingKey(this.keyPrefix)), bytes(job));
			}
		}
		LockSupport.parkNanos((victimDone ? 20_000 : millis) * 1_000_000);
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.setCommands().sAdd(bytes(finishedKey(this.keyPrefix, this.instance)), bytes(job));
		}
	}

	static String hangingKey(String prefix) {
		return prefix + ":crash-test:hanging:" + VICTIM;
	}

	static String logKey(String prefix) {
		return prefix + ":crash-test:log";
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
