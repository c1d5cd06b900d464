package dev.celerity.observability;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters of this instance's worker: tasks running now and tasks finished since start.
 */
public class WorkerMetrics implements MeterBinder {

	/** Gauge of tasks running on this instance now. */
	public static final String ACTIVE = "celerity.worker.active";

	/** Counter of messages this instance's worker finished (any outcome). */
	public static final String PROCESSED = "celerity.worker.processed";

	private final IntSupplier active;

	private final LongSupplier processed;

	/**
	 * Creates the binder.
	 * @param active counts the running tasks
	 * @param processed counts the finished messages
	 */
	public WorkerMetrics(IntSupplier active, LongSupplier processed) {
		this.active = active;
		this.processed = processed;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(ACTIVE, this.active, IntSupplier::getAsInt).register(registry);
		FunctionCounter.builder(PROCESSED, this.processed, LongSupplier::getAsLong).register(registry);
	}

}
