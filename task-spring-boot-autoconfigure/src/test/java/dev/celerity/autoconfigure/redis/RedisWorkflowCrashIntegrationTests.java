package dev.celerity.autoconfigure.redis;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnection;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.canvas.CanvasAutoConfiguration;
import dev.celerity.canvas.Chain;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;
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

	RedisWorkflowCrashIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
	}

	@Test
	void workflowsResumeOnTheSurvivorAndOnlyTheKilledWorkersRunningStepsRunAgain() throws Exception {
		String prefix = this.redis.keyPrefix();
		Process victim = startWorkerProcess("victim");
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> exists(CrashTestTasks.readyKey(prefix, "victim")));
			survivorRunner().run((survivor) -> {
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
					.until(() -> !members(CrashTestTasks.hangingKey(prefix)).isEmpty() && !chain.ready());
				victim.destroyForcibly().waitFor();
				Set<String> started = members(CrashTestTasks.startedKey(prefix, "victim"));
				Set<String> inFlight = inFlight(prefix);
				assertThat(chord.ready()).as("chord finished before the kill").isFalse();

				assertThat(chain.get(Duration.ofSeconds(60))).isEqualTo(CHAIN_STEPS);
				assertThat(chord.get(Duration.ofSeconds(60))).isEqualTo(HEADER_TASKS * (HEADER_TASKS + 1) / 2);
				Map<String, Long> runs = runs();
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

	private ApplicationContextRunner survivorRunner() {
		Map<String, Object> properties = CrashTestWorker.properties(RedisTestServer.url(), this.redis.keyPrefix(),
				this.queue, "survivor");
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class,
					CanvasAutoConfiguration.class))
			.withPropertyValues(properties.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new))
			.withBean(CrashTestTasks.class, () -> new CrashTestTasks("survivor", this.redis.keyPrefix(),
					this.redis.connectionFactory()));
	}

	private Process startWorkerProcess(String instance) throws Exception {
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		File log = new File("target", "workflow-crash-test-" + instance + ".log");
		return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				CrashTestWorker.class.getName(), RedisTestServer.url(), this.redis.keyPrefix(), this.queue, instance)
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
	}

	private Set<String> inFlight(String prefix) {
		Set<String> inFlight = new HashSet<>(members(CrashTestTasks.startedKey(prefix, "victim")));
		inFlight.removeAll(members(CrashTestTasks.finishedKey(prefix, "victim")));
		return inFlight;
	}

	private Map<String, Long> runs() {
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			return connection.hashCommands()
				.hGetAll(CrashTestTasks.bytes(CrashTestTasks.runsKey(this.redis.keyPrefix())))
				.entrySet()
				.stream()
				.collect(Collectors.toMap((entry) -> new String(entry.getKey()),
						(entry) -> Long.parseLong(new String(entry.getValue()))));
		}
	}

	private Set<String> members(String key) {
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			return connection.setCommands()
				.sMembers(CrashTestTasks.bytes(key))
				.stream()
				.map(String::new)
				.collect(Collectors.toSet());
		}
	}

	private boolean exists(String key) {
		try (RedisConnection connection = this.redis.connectionFactory().getConnection()) {
			return Boolean.TRUE.equals(connection.keyCommands().exists(CrashTestTasks.bytes(key)));
		}
	}

}
