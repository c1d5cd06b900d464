package dev.celerity.autoconfigure.redis;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.autoconfigure.canvas.CanvasAutoConfiguration;
import dev.celerity.canvas.Chain;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker process killed with SIGKILL in the middle of a chain and a chord, another worker left running: both
 * workflows complete with the right result, the chord body runs once, and only the steps that were running in the
 * killed process run a second time.
 */
@RequiresRedis
class RedisWorkflowCrashIntegrationTests {

	private static final int CHAIN_STEPS = 20;

	private static final int HEADER_TASKS = 120;

	private final RedisTestContext redis;

	private final String queue = "workflow-crash-" + UUID.randomUUID();

	private final CrashTestRecords records;

	RedisWorkflowCrashIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
		this.records = new CrashTestRecords(redis, this.queue);
	}

	@Test
	void workflowsResumeOnTheSurvivorAndOnlyTheKilledWorkersRunningStepsRunAgain() throws Exception {
		Process victim = this.records.startWorkerProcess(CrashTestTasks.VICTIM, "workflow-crash-test-victim.log");
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> this.records.ready(CrashTestTasks.VICTIM));
			this.records.survivorRunner(CanvasAutoConfiguration.class).run((survivor) -> {
				WorkflowTemplate workflows = survivor.getBean(WorkflowTemplate.class);
				Signature<Integer> step = Signature.of("crash.step", Integer.class);
				// the chain's steps go first, so that it advances while the chord's header drains
				Signature<Integer> chainStep = step.priority(9);
				Chain<Integer> steps = chain(chainStep.clone(0));
				for (int i = 1; i < CHAIN_STEPS; i++) {
					steps = steps.then(chainStep);
				}
				AsyncResult<Integer> chain = workflows.send(steps);
				AsyncResult<Integer> chord = workflows.send(chord(group(IntStream.range(0, HEADER_TASKS)
					.mapToObj(step::clone)), Signature.of("crash.total", Integer.class)));
				Set<String> chainIds = new HashSet<>();
				for (AsyncResult<?> result = chain; result != null; result = result.parent()) {
					chainIds.add(result.id());
				}
				// kill while the victim is in the middle of a step (after a few steps it hangs in the next one until
				// killed), with both workflows under way
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
					.until(() -> !this.records.hanging().isEmpty() && !chain.ready());
				victim.destroyForcibly().waitFor();
				Set<String> started = this.records.started(CrashTestTasks.VICTIM);
				Set<String> inFlight = this.records.inFlight();
				assertThat(chord.ready()).as("chord finished before the kill").isFalse();

				assertThat(chain.get(Duration.ofSeconds(60))).isEqualTo(CHAIN_STEPS);
				assertThat(chord.get(Duration.ofSeconds(60))).isEqualTo(HEADER_TASKS * (HEADER_TASKS + 1) / 2);
				Map<String, Long> runs = this.records.runs();
				Set<String> ranTwice = runs.entrySet()
					.stream()
					.filter((entry) -> entry.getValue() > 1)
					.map(Map.Entry::getKey)
					.collect(Collectors.toSet());
				assertThat(runs).as("every step and the body ran").hasSize(CHAIN_STEPS + HEADER_TASKS + 1);
				assertThat(runs.keySet()).as("every chain step ran").containsAll(chainIds);
				assertThat(runs).containsEntry(chord.id(), 1L);
				assertThat(runs.values()).allSatisfy((count) -> assertThat(count).isBetween(1L, 2L));
				assertThat(inFlight).as("steps running in the killed worker").isNotEmpty();
				// those ran again; besides them, only a step finished but not yet acknowledged at the kill may have
				assertThat(ranTwice).as("steps that ran twice").containsAll(inFlight).isSubsetOf(started)
					.hasSizeLessThanOrEqualTo(4);
				int value = CHAIN_STEPS;
				for (AsyncResult<?> result = chain; result != null; result = result.parent()) {
					assertThat(result.get(Duration.ofSeconds(5))).isEqualTo(value--);
				}
			});
		}
		finally {
			victim.destroyForcibly();
		}
	}

}
