package dev.celerity.broker.memory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.celerity.broker.Broker;
import dev.celerity.broker.DeadLetter;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.QueueStats;

/**
 * The embedded broker: the full broker contract inside one JVM, for applications without Redis and for tests.
 *
 * <p>Each queue keeps its own lock, so producers and consumers of different queues never contend. Delayed messages
 * and expired leases are promoted by the fetching threads themselves; no timer thread is needed.
 */
public class InMemoryBroker implements Broker {

	private final ConcurrentMap<String, MemoryQueue> queues = new ConcurrentHashMap<>();

	private final Clock clock;

	/**
	 * Creates a broker on the system clock.
	 */
	public InMemoryBroker() {
		this(Clock.systemUTC());
	}

	/**
	 * Creates a broker on the given clock.
	 * @param clock the clock that decides when delayed messages and leases are due
	 */
	public InMemoryBroker(Clock clock) {
		this.clock = clock;
	}

	@Override
	public boolean publish(OutboundMessage message) {
		return queue(message.queue()).publish(message);
	}

	@Override
	public List<Delivery> fetch(String queue, int max, Duration lease, Duration maxWait) throws InterruptedException {
		return queue(queue).fetch(max, lease, maxWait);
	}

	@Override
	public boolean awaitReady(String queue, Duration maxWait) throws InterruptedException {
		return queue(queue).awaitReady(maxWait);
	}

	@Override
	public void ack(Delivery delivery) {
		queue(delivery.queue()).ack(delivery);
	}

	@Override
	public void ackAll(List<Delivery> deliveries) {
		int start = 0;
		while (start < deliveries.size()) {
			// one lock for each run of messages of the same queue: a pool's batch is usually one run
			String queue = deliveries.get(start).queue();
			int end = start + 1;
			while (end < deliveries.size() && deliveries.get(end).queue().equals(queue)) {
				end++;
			}
			queue(queue).ackAll(deliveries.subList(start, end));
			start = end;
		}
	}

	@Override
	public boolean extendLease(Delivery delivery, Duration lease) {
		return queue(delivery.queue()).extendLease(delivery, lease);
	}

	@Override
	public void requeue(Delivery delivery, OutboundMessage next) {
		if (next.queue().equals(delivery.queue())) {
			queue(delivery.queue()).requeue(delivery, next);
		}
		else {
			queue(delivery.queue()).ack(delivery);
			queue(next.queue()).publish(next);
		}
	}

	@Override
	public void release(Delivery delivery) {
		queue(delivery.queue()).release(delivery);
	}

	@Override
	public void deadLetter(Delivery delivery, String reason) {
		queue(delivery.queue()).deadLetter(delivery, reason);
	}

	@Override
	public List<DeadLetter> deadLetters(String queue, int max) {
		return queue(queue).deadLetters(max);
	}

	@Override
	public long depth(String queue) {
		return queue(queue).depth();
	}

	@Override
	public int replayDeadLetters(String queue, int max) {
		int replayed = 0;
		for (DeadLetter letter : queue(queue).takeDeadLetters(max)) {
			replayed += publish(new OutboundMessage(letter.id(), queue, 0, null, letter.body())) ? 1 : 0;
		}
		return replayed;
	}

	@Override
	public QueueStats stats(String queue) {
		return queue(queue).stats();
	}

	@Override
	public long purge(String queue) {
		return queue(queue).purge();
	}

	private MemoryQueue queue(String name) {
		MemoryQueue queue = this.queues.get(name);
		return (queue != null) ? queue : this.queues.computeIfAbsent(name, (key) -> new MemoryQueue(key, this.clock));
	}

}
