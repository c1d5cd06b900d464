package dev.celerity.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.Broker;
import dev.celerity.broker.Delivery;

/**
 * Settles finished tasks in batches: the batch's results are stored in one go ({@link ResultBackend#storeAll}), then
 * its messages acknowledged in one go ({@link Broker#ackAll}), so that a busy worker pays two round trips for many
 * tasks instead of two per task.
 *
 * <p>A batch is whatever finished while the previous batch was being written: the first thread to find no write in
 * progress writes everything pending, the others only queue and go on. There is no timer and no thread of its own,
 * and a worker that is not busy writes each completion at once, as before.
 *
 * <p>A message is acknowledged only after its result is stored. When storing fails, the messages whose results were
 * in the batch stay unacknowledged and run again once their leases expire: redelivered, never lost.
 *
 * <p>Just before a message is settled with the broker (acknowledged here, or requeued, dead-lettered or released by
 * the runner) the {@linkplain #onSettling listeners} hear of it, so that its pool stops renewing its lease first: a
 * renewal can then never meet a message settled by another thread and mistake it for a lost lease.
 */
final class CompletionBatcher {

	private static final Logger logger = LoggerFactory.getLogger(CompletionBatcher.class);

	private static final int MAX_BATCH = 256;

	private final Broker broker;

	private final ResultBackend backend;

	private final Duration resultTimeToLive;

	private final Queue<Completion> pending = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final List<Consumer<Delivery>> settlingListeners = new CopyOnWriteArrayList<>();

	CompletionBatcher(Broker broker, ResultBackend backend, Duration resultTimeToLive) {
		this.broker = broker;
		this.backend = backend;
		this.resultTimeToLive = resultTimeToLive;
	}

	/**
	 * Queues a finished task: its result is stored, then {@code afterStored} runs, then its message is acknowledged.
	 * @param result the state to store, {@code null} for none
	 * @param delivery the message to acknowledge
	 * @param afterStored what follows the stored result (events), {@code null} for nothing
	 */
	void complete(TaskResult result, Delivery delivery, Runnable afterStored) {
		this.pending.add(new Completion(result, delivery, afterStored));
	}

	/**
	 * Queues the acknowledgement of a message whose outcome is already recorded.
	 * @param delivery the message to acknowledge
	 */
	void ack(Delivery delivery) {
		complete(null, delivery, null);
	}

	/**
	 * Adds a listener told of each message just before it is settled with the broker.
	 * @param listener the listener, given the message
	 */
	void onSettling(Consumer<Delivery> listener) {
		this.settlingListeners.add(listener);
	}

	/**
	 * Tells the listeners that a message is about to be settled with the broker.
	 * @param delivery the message
	 */
	void settling(Delivery delivery) {
		this.settlingListeners.forEach((listener) -> listener.accept(delivery));
	}

	/**
	 * Writes what is pending unless another thread is writing already (it then writes this thread's completions
	 * too, before it stops).
	 */
	void flush() {
		while (!this.pending.isEmpty() && this.writing.compareAndSet(false, true)) {
			try {
				write(take());
			}
			finally {
				this.writing.set(false);
			}
		}
	}

	private List<Completion> take() {
		List<Completion> batch = new ArrayList<>();
		Completion next;
		while (batch.size() < MAX_BATCH && (next = this.pending.poll()) != null) {
			batch.add(next);
		}
		return batch;
	}

	private void write(List<Completion> batch) {
		List<TaskResult> results = new ArrayList<>(batch.size());
		batch.stream().map(Completion::result).filter((result) -> result != null).forEach(results::add);
		boolean stored = results.isEmpty() || storeAll(results);
		List<Delivery> deliveries = new ArrayList<>(batch.size());
		for (Completion completion : batch) {
			if (completion.result() == null || stored) {
				runQuietly(completion);
				settling(completion.delivery());
				deliveries.add(completion.delivery());
			}
		}
		try {
			this.broker.ackAll(deliveries);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not acknowledge {} finished messages; they run again when their leases expire: {}",
					deliveries.size(), ex.toString());
		}
	}

	private boolean storeAll(List<TaskResult> results) {
		try {
			this.backend.storeAll(results, this.resultTimeToLive);
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not store the results of {} finished tasks; their messages stay unacknowledged and "
					+ "run again when their leases expire: {}", results.size(), ex.toString());
			return false;
		}
	}

	private static void runQuietly(Completion completion) {
		if (completion.afterStored() == null) {
			return;
		}
		try {
			completion.afterStored().run();
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to follow up the stored result of message {}", completion.delivery().id(), ex);
		}
	}

	private record Completion(TaskResult result, Delivery delivery, Runnable afterStored) {
	}

}
