package dev.celerity.autoconfigure.redis;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.InvalidCelerityPropertyFailureAnalyzer;
import dev.celerity.autoconfigure.canvas.CanvasAutoConfiguration;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.ratelimit.CelerityRateLimitAutoConfiguration;
import dev.celerity.autoconfigure.schedule.BeatAutoConfiguration;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.control.ClusterControl;
import dev.celerity.control.ControlOutcome;
import dev.celerity.control.redis.RedisControlBus;
import dev.celerity.control.redis.RedisRevocationStore;
import dev.celerity.control.redis.RedisTaskEventStream;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RedisTestServer;
import dev.celerity.testing.redis.RequiresRedis;

import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One application on Redis with every Redis-backed feature in use: each key family (broker, results, chords, beat
 * claims, control, rate-limit buckets, event stream) lives under {@code celerity.redis.key-prefix}.
 */
@RequiresRedis
class RedisKeyLayoutIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final RedisTestContext redis;

	private final ApplicationContextRunner contextRunner;

	RedisKeyLayoutIntegrationTests(RedisTestContext redis) {
		this.redis = redis;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class,
					CanvasAutoConfiguration.class, CelerityRateLimitAutoConfiguration.class, BeatAutoConfiguration.class,
					CelerityControlAutoConfiguration.class))
			.withBean("layoutTasks", LayoutTasks.class)
			.withPropertyValues("spring.data.redis.url=" + RedisTestServer.url(),
					"celerity.redis.key-prefix=" + redis.keyPrefix(), "celerity.worker.concurrency=2",
					"celerity.worker.fetch-wait=200ms", "celerity.control.heartbeat.interval=200ms",
					"celerity.beat.schedules.tick.task=layout.tick", "celerity.beat.schedules.tick.every=1s");
	}

	@Test
	void revocationsCommandsAndEventsGoThroughRedis() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RedisRevocationStore.class)
				.hasSingleBean(RedisControlBus.class)
				.hasSingleBean(RedisTaskEventStream.class);
			ControlOutcome outcome = context.getBean(ClusterControl.class).pause("default");
			assertThat(outcome.appliedBy()).hasSize(1);
			context.getBean(ClusterControl.class).resume("default");
		});
	}

	@Test
	void revokeBroadcastReachesEveryRevocationStoreAndTheStreamKeepsTheChosenEventTypes() {
		this.contextRunner.withPropertyValues("celerity.control.event-stream.events=TaskSucceeded,TaskFailed")
			.run((context) -> {
				assertThat(context.getBean(RedisTaskEventStream.class).types())
					.containsExactlyInAnyOrder("TaskSucceeded", "TaskFailed");
				assertThat(context.getBean(RedisRevocationStore.class).isRunning()).as("loaded at start").isTrue();
				ControlOutcome outcome = context.getBean(ClusterControl.class).revoke("broadcast", false);
				assertThat(outcome.replies()).singleElement()
					.satisfies((reply) -> assertThat(reply.detail()).contains("remembered"));
			});
	}

	@Test
	void unknownEventTypeFailsStartUpWithTheFailureAnalysis() {
		this.contextRunner.withPropertyValues("celerity.control.event-stream.events=TaskSucceded").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidCelerityPropertyFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("'TaskSucceded' of property 'celerity.control.event-stream.events[0]'");
			assertThat(analysis.getAction()).contains("TaskSucceeded");
		});
	}

	@Test
	void everyKeyFamilyLivesUnderTheOneKeyPrefix() {
		this.contextRunner.run((context) -> {
			TaskTemplate tasks = context.getBean(TaskTemplate.class);
			AsyncResult<Integer> chordResult = context.getBean(WorkflowTemplate.class)
				.send(chord(group(tasks.task(LayoutTasks::add).s(1, 2), tasks.task(LayoutTasks::add).s(3, 4)),
						tasks.task(LayoutTasks::total).signature()));
			assertThat(chordResult.get(WAIT)).isEqualTo(10);
			assertThat(tasks.task(LayoutTasks::limited).delay(5).get(WAIT)).isEqualTo(5);
			context.getBean(ClusterControl.class).revoke("never-sent", false);
			String prefix = this.redis.keyPrefix();
			await().atMost(WAIT).untilAsserted(() -> assertThat(this.redis.server().keys(prefix)).anySatisfy(
					(key) -> assertThat(key).startsWith(prefix + ":beat:{tick}:")));
			List<String> keys = this.redis.server().keys(prefix);
			assertThat(keys).contains(prefix + ":{default}:sequence",
					prefix + ":result:{" + chordResult.id() + "}", prefix + ":ratelimit:{layout.limited}",
					prefix + ":revoked:never-sent", prefix + ":workers", prefix + ":events");
			assertThat(keys).anySatisfy((key) -> assertThat(key).startsWith(prefix + ":chord:{"));
		});
	}

	/**
	 * Tasks that touch every Redis-backed feature.
	 */
	public static class LayoutTasks {

		@Task(name = "layout.tick")
		public void tick() {
		}

		@Task(name = "layout.add")
		public int add(int a, int b) {
			return a + b;
		}

		@Task(name = "layout.total")
		public int total(List<Integer> values) {
			return values.stream().mapToInt(Integer::intValue).sum();
		}

		@Task(name = "layout.limited", rateLimit = "100/s")
		public int limited(int value) {
			return value;
		}

	}

}
