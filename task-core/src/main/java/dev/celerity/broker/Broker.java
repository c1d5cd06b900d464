package dev.celerity.broker;

import java.time.Duration;
import java.util.List;

/**
 * Stores task messages in queues and hands them to workers under a lease (at-least-once delivery, acknowledged
 * after the task finishes).
 *
 * <p>Every implementation honours the same contract, checked by one contract test suite: priorities 0-9 with the
 * higher number first and FIFO within a level, delayed messages held until their time, leases that return a message
 * when its worker stops renewing them, and a dead-letter store per queue.
 */
public interface Broker {

	/**
	 * Stores a message, ready now or delayed until {@link OutboundMessage#readyAt()}.
	 * @param message the message
	 * @return {@code false} when a message with the same id is already pending or running (nothing is stored)
	 */
	boolean publish(OutboundMessage message);

	/**
	 * Stores several messages in one go; the default publishes them one by one.
	 * @param messages the messages
	 * @return how many were stored (duplicates of pending ids are skipped)
	 */
	default int publishAll(List<OutboundMessage> messages) {
		int stored = 0;
		for (OutboundMessage message : messages) {
			stored += publish(message) ? 1 : 0;
		}
		return stored;
	}

	/**
	 * Leases up to {@code max} ready messages of a queue, highest priority first, waiting at most {@code maxWait}
	 * for the first one.
	 * @param queue the queue
	 * @param max the most messages to take
	 * @param lease how long the messages stay invisible to other workers unless renewed
	 * @param maxWait the longest wait when the queue is empty
	 * @return the leased messages, empty if none became ready in time
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	List<Delivery> fetch(String queue, int max, Duration lease, Duration maxWait) throws InterruptedException;

	/**
	 * Waits until a queue has ready messages, without leasing any, so that a consumer can wait for work before it
	 * makes room for it. Delayed messages and expired leases that fall due while waiting count as ready, on time.
	 * A {@code true} answer is a hint, not a reservation: another consumer may take the messages first.
	 * @param queue the queue
	 * @param maxWait the longest wait; zero or negative looks once without waiting
	 * @return {@code true} if the queue had ready messages, {@code false} if none became ready in time
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	boolean awaitReady(String queue, Duration maxWait) throws InterruptedException;

	/**
	 * Acknowledges a finished message: it is removed for good.
	 * @param delivery the leased message
	 */
	void ack(Delivery delivery);

	/**
	 * Acknowledges several finished messages, possibly of different queues, in one go; the default acknowledges
	 * them one by one. Each message is acknowledged on its own terms: a stale lease changes nothing for that message.
	 * @param deliveries the leased messages
	 */
	default void ackAll(List<Delivery> deliveries) {
		deliveries.forEach(this::ack);
	}

	/**
	 * Extends the lease of a message that is still running.
	 * @param delivery the leased message
	 * @param lease the new lease, counted from now
	 * @return {@code false} if the lease was already lost (the message went back to the queue)
	 */
	boolean extendLease(Delivery delivery, Duration lease);

	/**
	 * Atomically acknowledges a leased message and stores its next attempt under the same id (a retry, a deferral).
	 * @param delivery the leased message
	 * @param next the next attempt
	 */
	void requeue(Delivery delivery, OutboundMessage next);

	/**
	 * Gives a leased message back unrun (a worker shutting down): it becomes ready again at once, keeping its place.
	 * @param delivery the leased message
	 */
	void release(Delivery delivery);

	/**
	 * Moves a leased message to its queue's dead-letter store.
	 * @param delivery the leased message
	 * @param reason why it cannot run
	 */
	void deadLetter(Delivery delivery, String reason);

	/**
	 * Lists dead letters of a queue, oldest first.
	 * @param queue the queue
	 * @param max the most to return
	 * @return the dead letters
	 */
	List<DeadLetter> deadLetters(String queue, int max);

	/**
	 * Counts the messages waiting in a queue (ready and delayed, not leased).
	 * @param queue the queue
	 * @return the number of waiting messages
	 */
	long depth(String queue);

	/**
	 * Removes every waiting message of a queue (leased ones finish normally).
	 * @param queue the queue
	 * @return how many messages were removed
	 */
	long purge(String queue);

	/**
	 * Counts a queue's messages by kind, for monitoring; the default reports {@link #depth(String)} as ready
	 * messages of priority 0, no leased messages and counts at most 10,000 dead letters.
	 * @param queue the queue
	 * @return the counts
	 */
	default QueueStats stats(String queue) {
		return new QueueStats(queue, java.util.Map.of(0, depth(queue)), 0, 0, deadLetters(queue, 10_000).size());
	}

	/**
	 * Moves up to {@code max} dead letters of a queue, oldest first, back into the queue to run again (ready now,
	 * priority 0, retries kept); brokers that cannot do this refuse.
	 * @param queue the queue
	 * @param max the most to move
	 * @return how many were moved
	 * @throws UnsupportedOperationException if the broker cannot replay dead letters
	 */
	default int replayDeadLetters(String queue, int max) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot replay dead letters");
	}

}
