package dev.celerity.celery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.celerity.broker.Broker;
import dev.celerity.broker.DeadLetter;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.QueueStats;

/**
 * Sends each queue to one of two brokers: the queues named Celery queues to the broker on Celery's layout, every
 * other queue to Celerity's own. A workflow may cross between them; each message is held by its queue's broker.
 */
public class CeleryQueuesBroker implements Broker {

	private final Set<String> celeryQueues;

	private final Broker celery;

	private final Broker other;

	/**
	 * Creates the broker.
	 * @param celeryQueues the queues on Celery's layout
	 * @param celery the broker of those queues
	 * @param other the broker of every other queue
	 */
	public CeleryQueuesBroker(Set<String> celeryQueues, Broker celery, Broker other) {
		this.celeryQueues = Set.copyOf(celeryQueues);
		this.celery = celery;
		this.other = other;
	}

	private Broker of(String queue) {
		return this.celeryQueues.contains(queue) ? this.celery : this.other;
	}

	@Override
	public boolean publish(OutboundMessage message) {
		return of(message.queue()).publish(message);
	}

	@Override
	public List<Delivery> fetch(String queue, int max, Duration lease, Duration maxWait) throws InterruptedException {
		return of(queue).fetch(queue, max, lease, maxWait);
	}

	@Override
	public boolean awaitReady(String queue, Duration maxWait) throws InterruptedException {
		return of(queue).awaitReady(queue, maxWait);
	}

	@Override
	public void ack(Delivery delivery) {
		of(delivery.queue()).ack(delivery);
	}

	@Override
	public void ackAll(List<Delivery> deliveries) {
		List<Delivery> celeryOnes = new ArrayList<>();
		List<Delivery> others = new ArrayList<>();
		deliveries.forEach((d) -> (this.celeryQueues.contains(d.queue()) ? celeryOnes : others).add(d));
		if (!celeryOnes.isEmpty()) {
			this.celery.ackAll(celeryOnes);
		}
		if (!others.isEmpty()) {
			this.other.ackAll(others);
		}
	}

	@Override
	public boolean extendLease(Delivery delivery, Duration lease) {
		return of(delivery.queue()).extendLease(delivery, lease);
	}

	/**
	 * Requeues on the delivery's broker when the next attempt stays on a queue of the same broker; otherwise
	 * publishes the next attempt first and then acknowledges, so that a crash in between repeats, never loses, it.
	 */
	@Override
	public void requeue(Delivery delivery, OutboundMessage next) {
		Broker from = of(delivery.queue());
		Broker to = of(next.queue());
		if (from == to) {
			from.requeue(delivery, next);
			return;
		}
		to.publish(next);
		from.ack(delivery);
	}

	@Override
	public void release(Delivery delivery) {
		of(delivery.queue()).release(delivery);
	}

	@Override
	public void deadLetter(Delivery delivery, String reason) {
		of(delivery.queue()).deadLetter(delivery, reason);
	}

	@Override
	public List<DeadLetter> deadLetters(String queue, int max) {
		return of(queue).deadLetters(queue, max);
	}

	@Override
	public long depth(String queue) {
		return of(queue).depth(queue);
	}

	@Override
	public long purge(String queue) {
		return of(queue).purge(queue);
	}

	@Override
	public QueueStats stats(String queue) {
		return of(queue).stats(queue);
	}

	@Override
	public int replayDeadLetters(String queue, int max) {
		return of(queue).replayDeadLetters(queue, max);
	}

}
