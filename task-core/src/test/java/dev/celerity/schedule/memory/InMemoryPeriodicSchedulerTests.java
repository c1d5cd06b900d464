package dev.celerity.schedule.memory;

import dev.celerity.schedule.AbstractPeriodicSchedulerTests;
import dev.celerity.schedule.ScheduleClaims;

/**
 * The scheduler loop on claims held in memory (one store outliving a scheduler stands for a restart).
 */
class InMemoryPeriodicSchedulerTests extends AbstractPeriodicSchedulerTests {

	@Override
	protected ScheduleClaims newClaims() {
		return new InMemoryScheduleClaims();
	}

}
