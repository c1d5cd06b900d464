package dev.celerity.celery.redis;

import java.util.ArrayList;
import java.util.List;

import dev.celerity.celery.CeleryPriority;
import dev.celerity.redis.RedisKeys;

/**
 * The keys of one Celery queue: kombu's own lists (named exactly as kombu names them, outside Celerity's prefix, so
 * that Python workers and producers share them) and Celerity's keys for what its workers hold, under the prefix.
 *
 * @param queue the queue
 * @param lists kombu's lists of steps 0, 3, 6, 9
 * @param leases sorted set of Celerity lease tokens by deadline
 * @param inFlight hash of lease token to the held envelope
 * @param parked sorted set of envelopes a Celerity worker took before their eta, by eta
 * @param deadLetters list of dead-letter entries, oldest first
 */
public record CeleryQueueKeys(String queue, List<String> lists, String leases, String inFlight, String parked,
		String deadLetters) {

	/**
	 * Builds the keys of a queue.
	 * @param prefix Celerity's key prefix
	 * @param queue the queue
	 * @return the keys
	 */
	public static CeleryQueueKeys of(String prefix, String queue) {
		RedisKeys keys = new RedisKeys(prefix);
		List<String> lists = new ArrayList<>(CeleryPriority.STEPS.length);
		for (int step = 0; step < CeleryPriority.STEPS.length; step++) {
			lists.add(CeleryPriority.listName(queue, step));
		}
		return new CeleryQueueKeys(queue, List.copyOf(lists), keys.key("celery", queue, "leases"),
				keys.key("celery", queue, "in-flight"), keys.key("celery", queue, "parked"),
				keys.key("celery", queue, "dead"));
	}

	/**
	 * Returns the list of the step a Celerity priority maps to.
	 * @param celerityPriority the priority on Celerity's scale
	 * @return the list's name
	 */
	public String listFor(int celerityPriority) {
		return this.lists.get(CeleryPriority.stepIndex(CeleryPriority.toCelery(celerityPriority)));
	}

	/** @return the keys of the fetch script: leases, in flight, parked, then the four lists */
	List<String> fetchKeys() {
		List<String> all = new ArrayList<>(List.of(this.leases, this.inFlight, this.parked));
		all.addAll(this.lists);
		return all;
	}

}
