package dev.celerity.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.Broker;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.redis.UnavailableRetries;

/**
 * The one place a worker settles its messages with the broker (acknowledges, requeues, releases, dead-letters them)
 * and stores the states of their tasks.
 *
 * <p>A message is settled only after its state is stored and what follows that state (workflow continuations,
 * events) has run. When storing fails, the message stays unsettled and runs again once its lease expires:
 * redelivered, never lost. Finished tasks whose workflow does not continue are settled in batches (their results
 * stored in one go, then their messages acknowledged in one go); everything else is stored at once and only its
 * acknowledgement joins the batch.
 *
 * <p>Just before a message is settled, the {@linkplain #onSettling listeners} hear of it, so that its pool stops
 * renewing its lease first: a renewal can then never meet a message settled by another thread and mistake it for a
 * lost lease.
 *
 * <p>A store or settle that meets the broker or backend unreachable for a moment (a dropped connection being
 * re-established) is tried again for up to the settle timeout, and so is what follows a state (a chord's progress,
 * a workflow's next step), so that a short disconnect neither lets the lease expire nor runs a finished task again.
 * Giving a message back unrun is not retried: its lease expiring costs nothing.
 */
final class DeliverySettler {

	private static final Logger logger = LoggerFactory.getLogger(DeliverySettler.class);

	private final Broker broker;

	private final ResultBackend backend;

	private final Duration resultTimeToLive;

	private final UnavailableRetries retries;

	private final CompletionBatcher<Completion> completions = new CompletionBatcher<>(this::write);

	private final List<Consumer<Delivery>> settlingListeners = new CopyOnWriteArrayList<>();

	/** The messages whose completions wait in the batch. */
	private final Set<Delivery> queued = ConcurrentHashMap.newKeySet();

	DeliverySettler(Broker broker, ResultBackend backend, Duration resultTimeToLive) {
		this(broker, backend, resultTimeToLive, RunnerSettings.DEFAULT_SETTLE_TIMEOUT);
	}

	/**
	 * Creates a settler.
	 * @param broker the broker the messages come from
	 * @param backend where states go
	 * @param resultTimeToLive how long states are kept
	 * @param settleTimeout how long a store or settle is tried again while the broker or backend is unavailable
	 */
	DeliverySettler(Broker broker, ResultBackend backend, Duration resultTimeToLive, Duration settleTimeout) {
		this.broker = broker;
		this.backend = backend;
		this.resultTimeToLive = resultTimeToLive;
		this.retries = new UnavailableRetries(settleTimeout);
	}

	/**
	 * Adds a listener told of each message just before it is settled, on the thread that settles it.
	 * @param listener the listener, given the message
	 */
	void onSettling(Consumer<Delivery> listener) {
		this.settlingListeners.add(listener);
	}

	/**
	 * Stores a state a task reaches while its message is still leased (started, a custom state).
	 * @param state the state
	 * @throws RuntimeException if the state cannot be stored
	 */
	void store(TaskResult state) {
		this.retries.run(() -> this.backend.store(state, this.resultTimeToLive));
	}

	/**
	 * Settles a finished task: its result is stored, then {@code afterStored} runs, then its message is
	 * acknowledged with the next {@linkplain #flush() flush}. A batchable completion is stored with the batch and a
	 * failing {@code afterStored} is only logged; otherwise the result is stored and followed up at once, and if
	 * either throws, the exception propagates and the message is not acknowledged.
	 * @param delivery the message to acknowledge
	 * @param result the state to store, {@code null} for none
	 * @param afterStored what follows the stored result (workflow steps, events), {@code null} for nothing
	 * @param batchable whether the result may wait for the batch: nothing must be published after it
	 */
	void complete(Delivery delivery, TaskResult result, Runnable afterStored, boolean batchable) {
		if (batchable) {
			queue(new Completion(result, delivery, afterStored));
			return;
		}
		storeThenFollowUp(result, afterStored);
		queue(new Completion(null, delivery, null));
	}

	/**
	 * Tells whether a message waits in the batch for its acknowledgement: until it is written, it is this
	 * settler's to settle, and its pool keeps it leased.
	 * @param delivery the message
	 * @return whether it is queued and not yet written
	 */
	boolean isQueued(Delivery delivery) {
		return this.queued.contains(delivery);
	}

	private void queue(Completion completion) {
		this.queued.add(completion.delivery());
		this.completions.add(completion);
	}

	/**
	 * Stores a state, then gives the message back with its next attempt (a retry, a deferral).
	 * @param delivery the leased message
	 * @param state the state to store first, {@code null} for none
	 * @param next the next attempt
	 */
	void requeue(Delivery delivery, TaskResult state, OutboundMessage next) {
		storeThenFollowUp(state, null);
		settling(delivery);
		this.retries.run(() -> this.broker.requeue(delivery, next));
	}

	/**
	 * Gives a message back unrun, recording nothing (the worker is stopping, or its queue was paused).
	 * @param delivery the leased message
	 */
	void release(Delivery delivery) {
		settling(delivery);
		// a stopping worker interrupts its tasks, and a task may keep its thread's interrupt flag set: the give-back
		// must reach the broker all the same, or the message waits for its lease to run out
		boolean interrupted = Thread.interrupted();
		try {
			this.broker.release(delivery);
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Stores a failure and follows it up, then moves the message to the dead-letter store.
	 * @param delivery the leased message
	 * @param failure the failure to store first, {@code null} for none
	 * @param afterStored what follows the stored failure (a workflow's error handling), {@code null} for nothing
	 * @param reason why the message cannot run
	 */
	void deadLetter(Delivery delivery, TaskResult failure, Runnable afterStored, String reason) {
		storeThenFollowUp(failure, afterStored);
		settling(delivery);
		this.retries.run(() -> this.broker.deadLetter(delivery, reason));
	}

	/**
	 * Writes the pending completions unless another thread is writing already (it then writes them too).
	 */
	void flush() {
		this.completions.flush();
	}

	private void storeThenFollowUp(TaskResult state, Runnable afterStored) {
		if (state != null) {
			store(state);
		}
		if (afterStored != null) {
			// what follows a state is safe to repeat: chord progress counts each header position once, a next step
			// is published under its own id
			this.retries.run(afterStored);
		}
	}

	private void settling(Delivery delivery) {
		this.settlingListeners.forEach((listener) -> listener.accept(delivery));
	}

	private void write(List<Completion> batch) {
		List<TaskResult> results = new ArrayList<>(batch.size());
		batch.stream().map(Completion::result).filter((result) -> result != null).forEach(results::add);
		boolean stored = results.isEmpty() || storeAll(results);
		List<Delivery> deliveries = new ArrayList<>(batch.size());
		for (Completion completion : batch) {
			if (completion.result() == null || stored) {
				followUpQuietly(completion);
				deliveries.add(completion.delivery());
			}
			// told even when not acknowledged: its pool stops renewing the lease, which then returns the message
			settling(completion.delivery());
			this.queued.remove(completion.delivery());
		}
		try {
			this.retries.run(() -> this.broker.ackAll(deliveries));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not acknowledge {} finished messages; they run again when their leases expire: {}",
					deliveries.size(), ex.toString());
		}
	}

	private boolean storeAll(List<TaskResult> results) {
		try {
			this.retries.run(() -> this.backend.storeAll(results, this.resultTimeToLive));
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not store the results of {} finished tasks; their messages stay unacknowledged and "
					+ "run again when their leases expire: {}", results.size(), ex.toString());
			return false;
		}
	}

	private static void followUpQuietly(Completion completion) {
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
