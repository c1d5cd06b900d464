package dev.celerity.autoconfigure;

import java.time.Duration;
import java.util.Map;

/**
 * Checks the values of {@link CelerityProperties} once they are bound, so that a value that cannot work stops the
 * start-up with its property path, rather than failing deep inside a pool or a publish later.
 */
final class CelerityPropertiesValidation {

	private CelerityPropertiesValidation() {
	}

	static void validate(CelerityProperties properties) {
		int priority = properties.getDefaultPriority();
		if (priority < 0 || priority > 9) {
			throw new InvalidCelerityPropertyException("celerity.default-priority", priority,
					"priorities go from 0 to 9, higher runs first",
					"Set celerity.default-priority to a priority from 0 to 9, or remove it for 0.");
		}
		if (properties.getMessage().getMaxSize() == null || properties.getMessage().getMaxSize().toBytes() < 1) {
			throw new InvalidCelerityPropertyException("celerity.message.max-size", properties.getMessage().getMaxSize(),
					"no message would fit", "Set celerity.message.max-size to a positive size (for example 1MB).");
		}
		requireNotNegative("celerity.publish.timeout", properties.getPublish().getTimeout(),
				"a publish cannot try for less than no time");
		requirePositive("celerity.result.time-to-live", properties.getResult().getTimeToLive(),
				"a result must be kept for some time, or no caller could read it");
		CelerityProperties.TaskSettings task = properties.getTask();
		if (task.getMaxRetries() < 0) {
			throw new InvalidCelerityPropertyException("celerity.task.max-retries", task.getMaxRetries(),
					"a task cannot retry fewer than zero times",
					"Set celerity.task.max-retries to 0 or more, or remove it for 3.");
		}
		requireNotNegative("celerity.task.retry-delay", task.getRetryDelay(), "a retry cannot run before it fails");
		requireNotNegative("celerity.task.retry-backoff-max", task.getRetryBackoffMax(),
				"a backoff cannot be shorter than nothing");
		CelerityProperties.Worker worker = properties.getWorker();
		requirePositive("celerity.worker.lease", worker.getLease(),
				"a message whose lease ends at once is taken back, and run again, while it runs");
		requirePositive("celerity.worker.fetch-wait", worker.getFetchWait(),
				"a fetch that never waits polls the broker in a busy loop");
		requireNotNegative("celerity.worker.shutdown-timeout", worker.getShutdownTimeout(),
				"running tasks cannot be given less than no time to finish");
		validatePool("celerity.worker", properties.getWorker());
		for (Map.Entry<String, CelerityProperties.Pool> pool : properties.getWorker().getPools().entrySet()) {
			validatePool("celerity.worker.pools." + pool.getKey(), pool.getValue());
		}
	}

	private static void validatePool(String path, CelerityProperties.Pool pool) {
		Integer concurrency = pool.getConcurrency();
		if (concurrency != null && concurrency < 1) {
			throw new InvalidCelerityPropertyException(path + ".concurrency", concurrency,
					"a pool runs at least one task at a time",
					"Set " + path + ".concurrency to 1 or more, or remove it to run one task per processor; "
							+ "to consume nothing here, leave the queue out of celerity.worker.queues or set "
							+ "celerity.worker.enabled=false.");
		}
		Integer prefetch = pool.getPrefetch();
		if (prefetch != null && prefetch < 0) {
			throw new InvalidCelerityPropertyException(path + ".prefetch", prefetch,
					"a pool cannot lease fewer than zero messages ahead",
					"Set " + path + ".prefetch to 0 or more, or remove it for 4 per thread (at least 64).");
		}
	}

	private static void requirePositive(String path, Duration value, String why) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidCelerityPropertyException(path, value, why,
					"Set " + path + " to a positive duration (for example 30s), or remove it for its default.");
		}
	}

	private static void requireNotNegative(String path, Duration value, String why) {
		if (value == null || value.isNegative()) {
			throw new InvalidCelerityPropertyException(path, value, why,
					"Set " + path + " to 0 or a positive duration, or remove it for its default.");
		}
	}

}
