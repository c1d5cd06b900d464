package dev.celerity.autoconfigure;

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
					"Set " + path + ".prefetch to 0 or more, or remove it to prefetch as many as the concurrency.");
		}
	}

}
