package dev.celerity.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link ScheduleClaims} honours: a tick is won once, claims only move forward, the last tick is
 * remembered. Each implementation runs it through a short subclass.
 */
public abstract class AbstractScheduleClaimsContractTests {

	private static final Instant TICK = Instant.parse("2030-01-01T00:00:10Z");

	/**
	 * Returns the claims under test.
	 * @return the claims
	 */
	protected abstract ScheduleClaims claims();

	/**
	 * Returns a schedule name no other test uses.
	 * @param name the base name
	 * @return the unique name
	 */
	protected abstract String scheduleName(String name);

	@Test
	void firstClaimOfATickWinsAndReportsNoPreviousTick() {
		String schedule = scheduleName("first");
		assertThat(claims().lastTick(schedule)).isEmpty();
		assertThat(claims().claim(schedule, TICK)).isEqualTo(new TickClaim(true, null));
		assertThat(claims().lastTick(schedule)).contains(TICK);
	}

	@Test
	void secondClaimOfTheSameTickLoses() {
		String schedule = scheduleName("second");
		claims().claim(schedule, TICK);
		assertThat(claims().claim(schedule, TICK)).isEqualTo(new TickClaim(false, TICK));
	}

	@Test
	void laterTickWinsAndReportsThePreviousOne() {
		String schedule = scheduleName("later");
		claims().claim(schedule, TICK);
		assertThat(claims().claim(schedule, TICK.plusSeconds(10))).isEqualTo(new TickClaim(true, TICK));
		assertThat(claims().lastTick(schedule)).contains(TICK.plusSeconds(10));
	}

	@Test
	void earlierTickThanTheLastOneLoses() {
		String schedule = scheduleName("earlier");
		claims().claim(schedule, TICK);
		assertThat(claims().claim(schedule, TICK.minusSeconds(10)).claimed()).isFalse();
		assertThat(claims().lastTick(schedule)).contains(TICK);
	}

	@Test
	void schedulesAreClaimedIndependently() {
		String one = scheduleName("one");
		String other = scheduleName("other");
		assertThat(claims().claim(one, TICK).claimed()).isTrue();
		assertThat(claims().claim(other, TICK).claimed()).isTrue();
	}

	@Test
	void concurrentClaimsOfOneTickHaveExactlyOneWinner() throws Exception {
		String schedule = scheduleName("race");
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 20; round++) {
				Instant tick = TICK.plusSeconds(round);
				List<Callable<Boolean>> attempts = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					attempts.add(() -> claims().claim(schedule, tick).claimed());
				}
				int winners = 0;
				for (Future<Boolean> result : executor.invokeAll(attempts)) {
					winners += result.get() ? 1 : 0;
				}
				assertThat(winners).as("winners of tick %s", tick).isEqualTo(1);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
