package dev.celerity.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.celerity.api.MissedTickPolicy;
import dev.celerity.api.Signature;
import dev.celerity.schedule.memory.InMemorySchedulePauses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler loop on a hand-moved clock: which ticks are enqueued, once each, across pauses and restarts. Runs
 * once per {@link ScheduleClaims} implementation.
 */
public abstract class AbstractPeriodicSchedulerTests {

	/** 2030-01-01T00:00:03Z: three seconds past a minute, so ten-second ticks fall at :10, :20... */
	protected static final Instant START = Instant.parse("2030-01-01T00:00:03Z");

	private final MutableClock clock = new MutableClock(START);

	private final ManualTaskScheduler taskScheduler = new ManualTaskScheduler(this.clock);

	private final RecordingTaskTemplate template = new RecordingTaskTemplate();

	private final List<PeriodicScheduler> schedulers = new ArrayList<>();

	private ScheduleClaims claims;

	/**
	 * Returns claims with no history for the schedules of one test.
	 * @return the claims
	 */
	protected abstract ScheduleClaims newClaims();

	/**
	 * Returns a name unique to this test run, so that claims kept outside the JVM do not leak between tests.
	 * @param name the base name
	 * @return the unique name
	 */
	protected String scheduleName(String name) {
		return name;
	}

	@BeforeEach
	void createClaims() {
		this.claims = newClaims();
	}

	@Test
	void fixedRateEnqueuesOneTaskPerTickWithItsArgumentsAndOptions() {
		PeriodicSchedule schedule = everyTenSeconds("report", MissedTickPolicy.RUN_ONCE);
		start(schedule);
		this.taskScheduler.advanceTo(at("00:00:45"));
		assertThat(ticksSent(schedule)).containsExactly(at("00:00:10"), at("00:00:20"), at("00:00:30"), at("00:00:40"));
		Signature<?> first = this.template.sent().get(0);
		assertThat(first.taskName()).isEqualTo("reports.send");
		assertThat(first.args()).containsExactly("weekly");
		assertThat(first.kwargs()).containsEntry("limit", 5);
		assertThat(first.options().queue()).isEqualTo("reports");
		assertThat(first.options().priority()).isEqualTo(7);
		assertThat(first.options().expires()).isEqualTo(at("00:00:15"));
		assertThat(this.claims.lastTick(schedule.name())).contains(at("00:00:40"));
	}

	@Test
	void cronTicksAtTheExpressionsTimesInItsZone() {
		PeriodicSchedule schedule = schedule(scheduleName("morning"),
				CronTiming.parse("0 0 9 * * MON-FRI", ZoneId.of("Europe/Paris")), MissedTickPolicy.RUN_ONCE);
		start(schedule);
		this.taskScheduler.advanceTo(Instant.parse("2030-01-08T00:00:00Z"));
		// 2030-01-01 is a Tuesday; Paris is UTC+1 in winter.
		assertThat(ticksSent(schedule)).containsExactly(Instant.parse("2030-01-01T08:00:00Z"),
				Instant.parse("2030-01-02T08:00:00Z"), Instant.parse("2030-01-03T08:00:00Z"),
				Instant.parse("2030-01-04T08:00:00Z"), Instant.parse("2030-01-07T08:00:00Z"));
	}

	@Test
	void initialDelayHoldsBackTheFirstTick() {
		PeriodicSchedule schedule = schedule(scheduleName("warm-up"),
				new FixedRateTiming(Duration.ofSeconds(10), Duration.ofSeconds(25)), MissedTickPolicy.RUN_ONCE);
		start(schedule);
		this.taskScheduler.advanceTo(at("00:00:45"));
		assertThat(ticksSent(schedule)).containsExactly(at("00:00:30"), at("00:00:40"));
	}

	@Test
	void schedulersSharingClaimsEnqueueEachTickOnce() {
		PeriodicSchedule schedule = everyTenSeconds("shared", MissedTickPolicy.RUN_ONCE);
		start(schedule);
		start(schedule);
		start(schedule);
		this.taskScheduler.advanceTo(at("00:01:05"));
		assertThat(ticksSent(schedule)).containsExactly(at("00:00:10"), at("00:00:20"), at("00:00:30"),
				at("00:00:40"), at("00:00:50"), at("00:01:00"));
		assertThat(this.template.taskIds()).doesNotHaveDuplicates();
	}

	@Test
	void longPauseUnderRunOnceEnqueuesOnceForTheMissedTicks() {
		PeriodicSchedule schedule = everyTenSeconds("paused-run-once", MissedTickPolicy.RUN_ONCE);
		start(schedule);
		this.taskScheduler.advanceTo(at("00:00:15"));
		this.taskScheduler.pauseFor(Duration.ofSeconds(42));
		this.taskScheduler.advanceTo(at("00:01:05"));
		assertThat(ticksSent(schedule)).containsExactly(at("00:00:10"), at("00:00:50"), at("00:01:00"));
	}

	@Test
	void longPauseUnderSkipDropsTheMissedTicks() {
		PeriodicSchedule schedule = everyTenSeconds("paused-skip", MissedTickPolicy.SKIP);
		start(schedule);
		this.taskScheduler.advanceTo(at("00:00:15"));
		this.taskScheduler.pauseFor(Duration.ofSeconds(42));
		this.taskScheduler.advanceTo(at("00:01:05"));
		assertThat(ticksSent(schedule)).containsExactly(at("00:00:10"), at("00:01:00"));
		assertThat(this.claims.lastTick(schedule.name())).contains(at("00:01:00"));
	}

	@Test
	void tickHandledAfterASmallDelayIsOnTimeUnderSkip() {
		PeriodicSchedule schedule = everyTenSeconds("slightly-late", MissedTickPolicy.SKIP);
		start(schedule);
		this.taskScheduler.advanceTo(at("00:00:05"));
		this.taskScheduler.pauseFor(Duration.ofSeconds(8));
		assertThat(ticksSent(schedule)).containsExactly(at("00:00:10"));
	}

	@Test
	void restartWithinAPeriodDoesNotRepeatTheLastTick() {
		PeriodicSchedule schedule = everyTenSeconds("restart-same-period", MissedTickPolicy.RUN_ONCE);
		PeriodicScheduler first = start(schedule);
		this.taskScheduler.advanceTo(at("00:00:25"));
		first.stop();
		this.taskScheduler.advanceTo(at("00:00:27"));
		start(schedule);
		this.taskScheduler.advanceTo(at("00:00:35"));
		assertThat(ticksSent(schedule)).containsExactly(at("00:00:10"), at("00:00:20"), at("00:00:30"));
	}

	@Test
	void restartAfterMissedTicksUnderRunOnceEnqueuesOnceAtStartUp() {
		PeriodicSchedule schedule = everyTenSeconds("restart-run-once", MissedTickPolicy.RUN_ONCE);
		PeriodicScheduler first = start(schedule);
		this.taskScheduler.advanceTo(at("00:00:25"));
		first.stop();
		this.taskScheduler.advanceTo(at("00:00:57"));
		start(schedule);
		this.taskScheduler.advanceTo(at("00:00:57"));
		assertThat(ticksSent(schedule)).containsExactly(at("00:00:10"), at("00:00:20"), at("00:00:50"));
		assertThat(this.template.sent().get(2).options().expires()).as("expiry counted from the catch-up")
			.isEqualTo(at("00:01:02"));
		this.taskScheduler.advanceTo(at("00:01:05"));
		assertThat(ticksSent(schedule)).endsWith(at("00:00:50"), at("00:01:00"));
	}

	@Test
	void restartAfterMissedTicksUnderSkipWaitsForTheNextTick() {
		PeriodicSchedule schedule = everyTenSeconds("restart-skip", MissedTickPolicy.SKIP);
		PeriodicScheduler first = start(schedule);
		this.taskScheduler.advanceTo(at("00:00:25"));
		first.stop();
		this.taskScheduler.advanceTo(at("00:00:57"));
		start(schedule);
		this.taskScheduler.advanceTo(at("00:01:05"));
		assertThat(ticksSent(schedule)).containsExactly(at("00:00:10"), at("00:00:20"), at("00:01:00"));
		assertThat(this.claims.lastTick(schedule.name())).contains(at("00:01:00"));
	}

	@Test
	void aPausedScheduleClaimsItsTicksButSendsNothingAndResumesFromTheNextTick() {
		PeriodicSchedule schedule = everyTenSeconds("operator-paused", MissedTickPolicy.RUN_ONCE);
		ScheduleRegistry registry = new ScheduleRegistry();
		registry.register(schedule);
		SchedulePauses pauses = new InMemorySchedulePauses();
		PeriodicScheduler scheduler = new PeriodicScheduler(registry, this.claims, this.template.template(),
				this.taskScheduler, Duration.ofSeconds(5), pauses);
		scheduler.start();
		this.schedulers.add(scheduler);
		this.taskScheduler.advanceTo(at("00:00:15"));
		pauses.pause(schedule.name());
		this.taskScheduler.advanceTo(at("00:00:45"));
		assertThat(this.claims.lastTick(schedule.name())).contains(at("00:00:40"));
		pauses.resume(schedule.name());
		this.taskScheduler.advanceTo(at("00:00:55"));
		assertThat(ticksSent(schedule)).containsExactly(at("00:00:10"), at("00:00:50"));
	}

	@Test
	void readApiShowsLastAndNextTicks() {
		PeriodicSchedule schedule = everyTenSeconds("described", MissedTickPolicy.RUN_ONCE);
		ScheduleRegistry registry = new ScheduleRegistry();
		registry.register(schedule);
		PeriodicScheduler scheduler = new PeriodicScheduler(registry, this.claims, this.template.template(),
				this.taskScheduler, Duration.ofSeconds(5));
		PeriodicSchedules schedules = new PeriodicSchedules(registry, this.claims, scheduler, this.clock);
		assertThat(schedules.schedules()).singleElement().satisfies((descriptor) -> {
			assertThat(descriptor.active()).isFalse();
			assertThat(descriptor.lastTick()).isNull();
			assertThat(descriptor.nextTick()).isEqualTo(at("00:00:10"));
			assertThat(descriptor.every()).isEqualTo(Duration.ofSeconds(10));
		});
		scheduler.start();
		this.schedulers.add(scheduler);
		this.taskScheduler.advanceTo(at("00:00:25"));
		assertThat(schedules.schedule(schedule.name())).hasValueSatisfying((descriptor) -> {
			assertThat(descriptor.active()).isTrue();
			assertThat(descriptor.lastTick()).isEqualTo(at("00:00:20"));
			assertThat(descriptor.nextTick()).isEqualTo(at("00:00:30"));
			assertThat(descriptor.task()).isEqualTo("reports.send");
		});
	}

	private PeriodicScheduler start(PeriodicSchedule schedule) {
		ScheduleRegistry registry = new ScheduleRegistry();
		registry.register(schedule);
		PeriodicScheduler scheduler = new PeriodicScheduler(registry, this.claims, this.template.template(),
				this.taskScheduler, Duration.ofSeconds(5));
		scheduler.start();
		this.schedulers.add(scheduler);
		return scheduler;
	}

	private List<Instant> ticksSent(PeriodicSchedule schedule) {
		// Task ids derive from the tick: map the ids of every tick up to now back to their ticks.
		Map<String, Instant> ticksById = new HashMap<>();
		for (Instant tick = schedule.timing().next(START.minusSeconds(3600)); !tick.isAfter(this.clock.instant());
				tick = schedule.timing().next(tick)) {
			ticksById.put(schedule.taskId(tick), tick);
		}
		List<Instant> ticks = new ArrayList<>();
		for (Signature<?> signature : this.template.sent()) {
			assertThat(ticksById).containsKey(signature.options().taskId());
			ticks.add(ticksById.get(signature.options().taskId()));
		}
		return ticks;
	}

	private PeriodicSchedule everyTenSeconds(String name, MissedTickPolicy policy) {
		return schedule(scheduleName(name), new FixedRateTiming(Duration.ofSeconds(10), Duration.ZERO), policy);
	}

	private PeriodicSchedule schedule(String name, Timing timing, MissedTickPolicy policy) {
		return new PeriodicSchedule(name, "reports.send", timing, List.of("weekly"), Map.of("limit", 5), "reports", 7,
				Duration.ofSeconds(5), policy, ScheduleOrigin.property("celerity.beat.schedules." + name));
	}

	private static Instant at(String time) {
		return Instant.parse("2030-01-01T" + time + "Z");
	}

}
