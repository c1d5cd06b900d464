package dev.celerity.broker.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.celerity.broker.DeadLetter;
import dev.celerity.broker.Delivery;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.broker.QueueStats;

/**
 * One queue of the embedded broker: ten ready lists (one per priority), the delayed messages ordered by due time,
 * the leased messages and the dead letters, all guarded by one lock.
 */
final class MemoryQueue {

	private static final int LEVELS = 10;

	private final String name;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition readyOrDue = this.lock.newCondition();

	@SuppressWarnings("unchecked")
	private final ArrayDeque<Entry>[] ready = new ArrayDeque[LEVELS];

	private final PriorityQueue<Entry> delayed = new PriorityQueue<>(
			Comparator.comparing(Entry::readyAt).thenComparingLong(Entry::sequence));

	private final Map<String, Lease> leases = new HashMap<>();

	private final PriorityQueue<Lease> leaseDeadlines = new PriorityQueue<>(Comparator.comparing(Lease::deadline));

	private final Set<String> pendingIds = new HashSet<>();

	private final List<DeadLetter> deadLetters = new ArrayList<>();

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong tokens = new AtomicLong();

	private int readyCount;

	MemoryQueue(String name, Clock clock) {
		this.name = name;
		this.clock = clock;
		for (int i = 0; i < LEVELS; i++) {
			this.ready[i] = new ArrayDeque<>();
		}
	}

	boolean publish(OutboundMessage message) {
		this.lock.lock();
		try {
			if (!this.pendingIds.add(message.id())) {
				return false;
			}
			store(new Entry(message.id(), message.priority(), message.body(), message.readyAt(),
					this.sequence.incrementAndGet(), false));
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	List<Delivery> fetch(int max, Duration leaseTime, Duration maxWait) throws InterruptedException {
		this.lock.lockInterruptibly();
		try {
			return awaitReadyLocked(maxWait) ? take(max, this.clock.instant().plus(leaseTime)) : List.of();
		}
		finally {
			this.lock.unlock();
		}
	}

	boolean awaitReady(Duration maxWait) throws InterruptedException {
		this.lock.lockInterruptibly();
		try {
			if (!awaitReadyLocked(maxWait)) {
				return false;
			}
			// nothing was taken: pass the wake-up on to another waiter, which may have room for the work
			this.readyOrDue.signal();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits until a message is ready; the waiting threads promote delayed messages and expired leases as they fall
	 * due, so no timer thread is needed. The caller holds the lock.
	 */
	private boolean awaitReadyLocked(Duration maxWait) throws InterruptedException {
		long waitNanos = maxWait.toNanos();
		while (true) {
			Instant now = this.clock.instant();
			promoteDue(now);
			if (this.readyCount > 0) {
				return true;
			}
			if (waitNanos <= 0) {
				return false;
			}
			long slept = Math.min(waitNanos, nanosUntilNextDue(now));
			long left = this.readyOrDue.awaitNanos(slept);
			waitNanos -= (slept - Math.max(left, 0));
		}
	}

	void ack(Delivery delivery) {
		this.lock.lock();
		try {
			ackLocked(delivery);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Acknowledges messages of this queue under one lock.
	 * @param deliveries the leased messages, all of this queue
	 */
	void ackAll(List<Delivery> deliveries) {
		this.lock.lock();
		try {
			for (Delivery delivery : deliveries) {
				ackLocked(delivery);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void ackLocked(Delivery delivery) {
		Lease lease = endLease(delivery);
		if (lease != null) {
			this.pendingIds.remove(delivery.id());
		}
	}

	boolean extendLease(Delivery delivery, Duration leaseTime) {
		this.lock.lock();
		try {
			Lease lease = this.leases.get(delivery.leaseToken());
			if (lease == null) {
				return false;
			}
			retire(lease);
			Lease extended = new Lease(lease.token(), lease.entry(), this.clock.instant().plus(leaseTime));
			this.leases.put(extended.token(), extended);
			this.leaseDeadlines.add(extended);
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	void requeue(Delivery delivery, OutboundMessage next) {
		this.lock.lock();
		try {
			Lease lease = endLease(delivery);
			if (lease == null) {
				return;
			}
			store(new Entry(next.id(), next.priority(), next.body(), next.readyAt(), this.sequence.incrementAndGet(),
					false));
		}
		finally {
			this.lock.unlock();
		}
	}

	void release(Delivery delivery) {
		this.lock.lock();
		try {
			Lease lease = endLease(delivery);
			if (lease != null) {
				putBackFirst(lease.entry());
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	void deadLetter(Delivery delivery, String reason) {
		this.lock.lock();
		try {
			Lease lease = endLease(delivery);
			if (lease != null) {
				this.pendingIds.remove(delivery.id());
				this.deadLetters.add(new DeadLetter(delivery.id(), this.name, delivery.body(), reason,
						this.clock.instant()));
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	List<DeadLetter> deadLetters(int max) {
		this.lock.lock();
		try {
			return List.copyOf(this.deadLetters.subList(0, Math.min(max, this.deadLetters.size())));
		}
		finally {
			this.lock.unlock();
		}
	}

	List<DeadLetter> takeDeadLetters(int max) {
		this.lock.lock();
		try {
			List<DeadLetter> oldest = this.deadLetters.subList(0, Math.min(max, this.deadLetters.size()));
			List<DeadLetter> taken = List.copyOf(oldest);
			oldest.clear();
			return taken;
		}
		finally {
			this.lock.unlock();
		}
	}

	long depth() {
		this.lock.lock();
		try {
			return (long) this.readyCount + this.delayed.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	QueueStats stats() {
		this.lock.lock();
		try {
			Map<Integer, Long> ready = new HashMap<>();
			for (int priority = 0; priority < this.ready.length; priority++) {
				if (!this.ready[priority].isEmpty()) {
					ready.put(priority, (long) this.ready[priority].size());
				}
			}
			return new QueueStats(this.name, ready, this.delayed.size(), this.leases.size(),
					this.deadLetters.size());
		}
		finally {
			this.lock.unlock();
		}
	}

	long purge() {
		this.lock.lock();
		try {
			long removed = depth();
			for (ArrayDeque<Entry> level : this.ready) {
				level.forEach((entry) -> this.pendingIds.remove(entry.id()));
				level.clear();
			}
			this.delayed.forEach((entry) -> this.pendingIds.remove(entry.id()));
			this.delayed.clear();
			this.readyCount = 0;
			return removed;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Ends a delivery's lease: the message is no longer running under it.
	 * @return the lease, or {@code null} if it had already ended (acknowledged, expired or given back)
	 */
	private Lease endLease(Delivery delivery) {
		Lease lease = this.leases.remove(delivery.leaseToken());
		if (lease != null) {
			retire(lease);
		}
		return lease;
	}

	/**
	 * Ends a lease that is no longer in the leases. It is left among the deadlines, which skip ended leases (removing
	 * it would search them all), and they are cleared of ended leases once those outnumber the live ones.
	 */
	private void retire(Lease lease) {
		lease.end();
		if (this.leaseDeadlines.size() > 2 * this.leases.size() + 64) {
			this.leaseDeadlines.removeIf(Lease::ended);
		}
	}

	private void store(Entry entry) {
		if (entry.readyAt() != null && entry.readyAt().isAfter(this.clock.instant())) {
			this.delayed.add(entry);
		}
		else {
			this.ready[entry.priority()].addLast(entry);
			this.readyCount++;
		}
		this.readyOrDue.signal();
	}

	private void putBackFirst(Entry entry) {
		this.ready[entry.priority()].addFirst(entry);
		this.readyCount++;
		this.readyOrDue.signal();
	}

	private void promoteDue(Instant now) {
		while (!this.delayed.isEmpty() && !this.delayed.peek().readyAt().isAfter(now)) {
			Entry entry = this.delayed.poll();
			this.ready[entry.priority()].addLast(entry);
			this.readyCount++;
		}
		while (!this.leaseDeadlines.isEmpty() && this.leaseDeadlines.peek().deadline().isBefore(now)) {
			Lease expired = this.leaseDeadlines.poll();
			if (!expired.ended()) {
				expired.end();
				this.leases.remove(expired.token());
				putBackFirst(expired.entry().asRedelivered());
			}
		}
	}

	private long nanosUntilNextDue(Instant now) {
		long nanos = Long.MAX_VALUE;
		if (!this.delayed.isEmpty()) {
			nanos = Math.min(nanos, Duration.between(now, this.delayed.peek().readyAt()).toNanos());
		}
		while (!this.leaseDeadlines.isEmpty() && this.leaseDeadlines.peek().ended()) {
			this.leaseDeadlines.poll();
		}
		if (!this.leaseDeadlines.isEmpty()) {
			nanos = Math.min(nanos, Duration.between(now, this.leaseDeadlines.peek().deadline()).toNanos() + 1);
		}
		return Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(1));
	}

	private List<Delivery> take(int max, Instant deadline) {
		List<Delivery> taken = new ArrayList<>(Math.min(max, this.readyCount));
		for (int level = LEVELS - 1; level >= 0 && taken.size() < max; level--) {
			Iterator<Entry> entries = this.ready[level].iterator();
			while (entries.hasNext() && taken.size() < max) {
				Entry entry = entries.next();
				entries.remove();
				this.readyCount--;
				Lease lease = new Lease(this.name + ":" + this.tokens.incrementAndGet(), entry, deadline);
				this.leases.put(lease.token(), lease);
				this.leaseDeadlines.add(lease);
				taken.add(new Delivery(entry.id(), this.name, entry.priority(), entry.body(), lease.token(),
						entry.redelivered()));
			}
		}
		if (this.readyCount > 0) {
			this.readyOrDue.signal();
		}
		return taken;
	}

	private record Entry(String id, int priority, byte[] body, Instant readyAt, long sequence, boolean redelivered) {

		Entry asRedelivered() {
			return new Entry(this.id, this.priority, this.body, this.readyAt, this.sequence, true);
		}

	}

	/**
	 * A message's lease; once ended (settled, expired, given back or extended by a new lease) it stays ended.
	 */
	private static final class Lease {

		private final String token;

		private final Entry entry;

		private final Instant deadline;

		private boolean ended;

		Lease(String token, Entry entry, Instant deadline) {
			this.token = token;
			this.entry = entry;
			this.deadline = deadline;
		}

		String token() {
			return this.token;
		}

		Entry entry() {
			return this.entry;
		}

		Instant deadline() {
			return this.deadline;
		}

		boolean ended() {
			return this.ended;
		}

		void end() {
			this.ended = true;
		}

	}

}
