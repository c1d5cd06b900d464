package dev.celerity.autoconfigure.dashboard;

import java.util.List;
import java.util.Map;

import dev.celerity.broker.QueueStats;
import dev.celerity.control.WorkerHeartbeat;

/**
 * A queue as the dashboard shows it: its counts and which live instances consume it or have paused it.
 *
 * @param name the queue
 * @param depth waiting messages (ready and delayed)
 * @param readyByPriority ready messages by priority
 * @param delayed messages waiting for their ETA
 * @param leased messages leased to workers
 * @param deadLetters dead letters kept
 * @param consumers the instances that consume it
 * @param pausedOn the instances that have paused it
 */
record QueueView(String name, long depth, Map<Integer, Long> readyByPriority, long delayed, long leased,
		long deadLetters, List<String> consumers, List<String> pausedOn) {

	static QueueView of(QueueStats stats, List<WorkerHeartbeat> workers) {
		List<String> consumers = workers.stream()
			.filter((beat) -> beat.queues().contains(stats.queue()))
			.map((beat) -> beat.instance().id())
			.toList();
		List<String> paused = workers.stream()
			.filter((beat) -> beat.pools().stream().anyMatch((pool) -> pool.paused().contains(stats.queue())))
			.map((beat) -> beat.instance().id())
			.toList();
		return new QueueView(stats.queue(), stats.depth(), stats.readyByPriority(), stats.delayed(), stats.leased(),
				stats.deadLetters(), consumers, paused);
	}

}
