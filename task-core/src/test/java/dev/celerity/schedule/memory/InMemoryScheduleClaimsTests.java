package dev.celerity.schedule.memory;

import dev.celerity.schedule.AbstractScheduleClaimsContractTests;
import dev.celerity.schedule.ScheduleClaims;

/**
 * The claims contract on the in-memory claims.
 */
class InMemoryScheduleClaimsTests extends AbstractScheduleClaimsContractTests {

	private final InMemoryScheduleClaims claims = new InMemoryScheduleClaims();

	@Override
	protected ScheduleClaims claims() {
		return this.claims;
	}

	@Override
	protected String scheduleName(String name) {
		return name;
	}

}
