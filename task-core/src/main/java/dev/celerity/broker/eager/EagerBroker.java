package dev.celerity.broker.eager;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.celerity.broker.Broker;
import dev.celerity.broker.DeadLetter;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.QueueStats;

/**
 * A broker that runs every message it stores on the caller's thread before the call returns, for unit tests (as
 * Celery's {@code task_always_eager}): it stores each message in the broker it decorates, ready at once (countdowns,
 * ETAs and retry backoff are ignored), then leases it from there and hands it to a runner, so results, workflows,
 * callbacks and retries go the way they go on that broker, only synchronously.
 *
 * <p>What a running task stores (a chain's next step, a chord's body, a retry) is not run inside it: it runs on the
 * same thread right after, so tasks never nest and each sees its own context. No worker may consume the decorated
 * broker's queues meanwhile.
 */
public class EagerBroker implements Broker {

	// never renewed: the message runs on the thread that leased it, and a test that takes longer has other problems
	private static final Duration LEASE = Duration.ofHours(1);

	private final Broker delegate;

	private final Consumer<Delivery> runner;

	/** The queues with work stored while this thread is running messages; set only while it runs them. */
	private final ThreadLocal<Set<String>> storedWhileRunning = new ThreadLocal<>();

	/**
	 * Creates an eager broker.
	 * @param delegate the broker that stores the messages
	 * @param runner runs one leased message to its end and settles it with this broker (the task runner)
	 */
	public EagerBroker(Broker delegate, Consumer<Delivery> runner) {
		this.delegate = delegate;
		this.runner = runner;
	}

	@Override
	public boolean publish(OutboundMessage message) {
		boolean stored = this.delegate.publish(readyNow(message));
		if (stored) {
			runFrom(List.of(message.queue()));
		}
		return stored;
	}

	@Override
	public int publishAll(List<OutboundMessage> messages) {
		int stored = this.delegate.publishAll(messages.stream().map(EagerBroker::readyNow).toList());
		runFrom(messages.stream().map(OutboundMessage::queue).toList());
		return stored;
	}

	@Override
	public void requeue(Delivery delivery, OutboundMessage next) {
		this.delegate.requeue(delivery, readyNow(next));
		runFrom(List.of(next.queue()));
	}

	@Override
	public int replayDeadLetters(String queue, int max) {
		int moved = this.delegate.replayDeadLetters(queue, max);
		runFrom(List.of(queue));
		return moved;
	}

	/**
	 * Runs the ready messages of the queues until none is left, or, on a thread already running messages, notes the
	 * queues for that run.
	 */
	private void runFrom(Collection<String> queues) {
		Set<String> pending = this.storedWhileRunning.get();
		if (pending != null) {
			pending.addAll(queues);
			return;
		}
		pending = new LinkedHashSet<>(queues);
		this.storedWhileRunning.set(pending);
		try {
			while (!pending.isEmpty()) {
				String queue = pending.iterator().next();
				List<Delivery> next = this.delegate.fetch(queue, 1, LEASE, Duration.ZERO);
				if (next.isEmpty()) {
					pending.remove(queue);
				}
				else {
					this.runner.accept(next.get(0));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.storedWhileRunning.remove();
		}
	}

	private static OutboundMessage readyNow(OutboundMessage message) {
		return (message.readyAt() != null)
				? new OutboundMessage(message.id(), message.queue(), message.priority(), null, message.body())
				: message;
	}

	@Override
	public List<Delivery> fetch(String queue, int max, Duration lease, Duration maxWait) throws InterruptedException {
		return this.delegate.fetch(queue, max, lease, maxWait);
	}

	@Override
	public boolean awaitReady(String queue, Duration maxWait) throws InterruptedException {
		return this.delegate.awaitReady(queue, maxWait);
	}

	@Override
	public void ack(Delivery delivery) {
		this.delegate.ack(delivery);
	}

	@Override
	public void ackAll(List<Delivery> deliveries) {
		this.delegate.ackAll(deliveries);
	}

	@Override
	public boolean extendLease(Delivery delivery, Duration lease) {
		return this.delegate.extendLease(delivery, lease);
	}

	@Override
	public void release(Delivery delivery) {
		this.delegate.release(delivery);
	}

	@Override
	public void deadLetter(Delivery delivery, String reason) {
		this.delegate.deadLetter(delivery, reason);
	}

	@Override
	public List<DeadLetter> deadLetters(String queue, int max) {
		return this.delegate.deadLetters(queue, max);
	}

	@Override
	public long depth(String queue) {
		return this.delegate.depth(queue);
	}

	@Override
	public long purge(String queue) {
		return this.delegate.purge(queue);
	}

	@Override
	public QueueStats stats(String queue) {
		return this.delegate.stats(queue);
	}

}
