package dev.celerity.autoconfigure.celery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskExecutionException;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.canvas.CanvasAutoConfiguration;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.ratelimit.CelerityRateLimitAutoConfiguration;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.autoconfigure.routing.CelerityRoutingAutoConfiguration;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.Broker;
import dev.celerity.broker.DeadLetter;
import dev.celerity.api.Canvas;
import dev.celerity.canvas.WorkflowTemplate;
import dev.celerity.testing.redis.RedisTestServer;

import static dev.celerity.canvas.Workflows.chain;
import static dev.celerity.canvas.Workflows.chord;
import static dev.celerity.canvas.Workflows.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Celery on the wire against the real thing: Debian's Python Celery worker and producers and Celerity share queues
 * and results in one Redis database (db 9), each test run on queues of its own. One Python worker serves the class.
 */
@TestInstance(Lifecycle.PER_CLASS)
class CeleryInteropIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private PythonCelery python;

	private String redisUrl;

	@BeforeAll
	void startPythonWorker() throws Exception {
		this.redisUrl = RedisTestServer.url().replaceAll("/\\d*$", "") + "/9";
		this.python = PythonCelery.prepare(this.redisUrl);
		this.python.startWorker();
	}

	@AfterAll
	void stopPythonWorker() throws Exception {
		if (this.python != null) {
			try {
				this.python.call("cleanup"); // the run's queues, bindings and Celerity keys in the shared database
			}
			finally {
				this.python.close();
			}
		}
	}

	private ApplicationContextRunner runner(String... more) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, CeleryAutoConfiguration.class,
					CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class,
					CanvasAutoConfiguration.class, CelerityRateLimitAutoConfiguration.class,
					CelerityRoutingAutoConfiguration.class, CelerityControlAutoConfiguration.class))
			.withBean(InteropTasks.class)
			.withPropertyValues("spring.data.redis.url=" + this.redisUrl, "celerity.broker.type=redis",
					"celerity.celery.enabled=true", "celerity.celery.idle-poll=100ms",
					"celerity.worker.queues=" + this.python.javaQueue(),
					"celerity.default-queue=" + this.python.javaQueue(),
					"celerity.routes[tasks.*].queue=" + this.python.pythonQueue(), "celerity.worker.concurrency=2",
					"celerity.worker.fetch-wait=200ms", "celerity.celery.hostname=" + hostname())
			.withPropertyValues(more);
	}

	private void run(ContextTest test) {
		runner().run((context) -> {
			assertThat(context).hasNotFailed();
			test.run(context);
		});
	}

	@Test
	void javaCallsAPythonTaskByNameAndReadsItsResult() {
		run((context) -> {
			AsyncResult<Object> sum = context.getBean(TaskTemplate.class).send("tasks.add", 2, 3);
			assertThat(sum.get(WAIT)).isEqualTo(5);
		});
	}

	@Test
	void aPythonFailureReachesJavaWithItsType() {
		run((context) -> {
			AsyncResult<Object> failed = context.getBean(TaskTemplate.class).send("tasks.fail", "broken");
			assertThatExceptionOfType(TaskExecutionException.class).isThrownBy(() -> failed.get(WAIT))
				.satisfies((ex) -> assertThat(ex.getRemoteType()).isEqualTo("builtins.ValueError"))
				.withMessageContaining("broken");
		});
	}

	@Test
	void pythonCallsAJavaTaskWithDelayAndGet() {
		run((context) -> assertThat(this.python.call("plain")).isEqualTo("5"));
	}

	@Test
	void aJavaTaskRetriesAndPythonReadsTheFinalSuccess() {
		run((context) -> assertThat(this.python.call("retry", "r1"))
			.isEqualTo("{\"value\": \"r1 after 2 retries\", \"state\": \"SUCCESS\"}"));
	}

	@Test
	void aPythonCountdownIsHonouredByTheJavaWorker() {
		run((context) -> {
			String outcome = this.python.call("countdown", "later");
			InteropTasks tasks = context.getBean(InteropTasks.class);
			Instant sent = OffsetDateTime.parse(outcome.replaceAll(".*\"sent\": \"([^\"]+)\".*", "$1")).toInstant();
			assertThat(Duration.between(sent, tasks.started.get("later"))).isGreaterThanOrEqualTo(
					Duration.ofMillis(1900));
		});
	}

	@Test
	void anExpiredPythonCallIsRevokedNotRun() {
		run((context) -> {
			assertThat(this.python.call("expires", "stale")).contains("\"state\": \"REVOKED\"");
			assertThat(context.getBean(InteropTasks.class).started).doesNotContainKey("stale");
		});
	}

	@Test
	void pythonPrioritiesOrderTheJavaWorkersQueue() throws Exception {
		// sent while no Celerity worker consumes the queue, so the order is the broker's alone
		this.python.call("priorities");
		runner("celerity.worker.concurrency=1").run((context) -> {
			InteropTasks tasks = context.getBean(InteropTasks.class);
			await().atMost(WAIT).until(() -> tasks.recorded.size() == 3);
			assertThat(tasks.recorded).containsExactly("high", "middle", "low");
		});
	}

	@Test
	void aPythonChainRunsItsJavaStepInTheMiddle() {
		run((context) -> assertThat(this.python.call("chain")).isEqualTo("26"));
	}

	@Test
	void aPythonChordOfPythonHeadersRunsItsJavaBody() {
		run((context) -> assertThat(this.python.call("chord")).isEqualTo("12"));
	}

	@Test
	void aJavaChainMixesPythonAndJavaSteps() {
		runWorkflow(chain(Signature.of("tasks.add", 1, 2), Signature.of("java.add", 10), Signature.of("tasks.mul", 2)),
				26);
	}

	@Test
	void aJavaChainLongerThanTheInlineLimitTravelsInlineSoPythonStepsContinueIt() {
		List<Canvas<?>> steps = new ArrayList<>();
		steps.add(Signature.of("tasks.add", 1, 2));
		for (int i = 0; i < 11; i++) {
			steps.add(Signature.of((i % 2 == 0) ? "java.add" : "tasks.add", 1));
		}
		runWorkflow(chain(steps), 14);
	}

	@Test
	void aJavaChordRunsItsJavaBodyOverPythonHeaders() {
		runWorkflow(chord(group(Signature.of("tasks.add", 1, 1), Signature.of("tasks.add", 2, 2),
				Signature.of("tasks.add", 3, 3)), Signature.of("java.sum")), 12);
	}

	@Test
	void aJavaFailureIsRaisedInPythonUnderItsSimpleName() {
		run((context) -> assertThat(this.python.call("java-failure"))
			.isEqualTo("{\"type\": \"IllegalArgumentException\", \"message\": \"broken in java\"}"));
	}

	@Test
	void aJavaChordOfMixedHeadersRunsItsPythonBody() {
		runWorkflow(chord(group(Signature.of("java.add", 1, 1), Signature.of("tasks.add", 2, 2),
				Signature.of("java.add", 3, 3)), Signature.of("tasks.total")), 12);
	}

	private void runWorkflow(Canvas<?> workflow, Object expected) {
		run((context) -> assertThat(context.getBean(WorkflowTemplate.class).send(workflow).get(WAIT))
			.isEqualTo(expected));
	}

	@Test
	void aStoredSuccessIsNeverOverwritten() {
		run((context) -> {
			ResultBackend backend = context.getBean(ResultBackend.class);
			String id = java.util.UUID.randomUUID().toString();
			backend.store(new TaskResult(id, "java.add", "SUCCESS", 5, Map.of(), null, Instant.now()),
					Duration.ofMinutes(1));
			backend.store(new TaskResult(id, "java.add", "FAILURE", null, Map.of(),
					new dev.celerity.api.RemoteError("java.lang.IllegalStateException", "late", List.of()),
					Instant.now()), Duration.ofMinutes(1));
			assertThat(backend.find(id)).get().satisfies((stored) -> {
				assertThat(stored.state()).isEqualTo("SUCCESS");
				assertThat(stored.result()).isEqualTo(5);
			});
		});
	}

	@Test
	void celeryControlRateLimitReachesTheCelerityWorker() {
		run((context) -> assertThat(
				this.python.celery("control", "rate_limit", "java.add", "10/m", "-d", hostname(), "-t", "5"))
			.contains("new rate limit set successfully"));
	}

	@Test
	void aPicklePayloadIsDeadLetteredWithTheReason() {
		run((context) -> {
			this.python.call("pickle");
			Broker broker = context.getBean(Broker.class);
			await().atMost(WAIT).until(() -> !broker.deadLetters(this.python.javaQueue(), 10).isEmpty());
			DeadLetter letter = broker.deadLetters(this.python.javaQueue(), 10).get(0);
			assertThat(letter.reason()).contains("application/x-python-serialize").contains("pickle");
			assertThat(context.getBean(InteropTasks.class).recorded).isEmpty();
		});
	}

	@Test
	void aCelerityWorkerKilledMidRunLosesNoneOfThePythonProducedTasks() throws Exception {
		Path output = Files.createTempFile("killable-worker", ".log");
		Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), KillableCeleryWorker.class.getName(), this.redisUrl,
				this.python.javaQueue())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		String ids;
		try {
			ids = this.python.call("many", "12", "1500");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> Files.readString(output).split("started m", -1).length > 3);
		}
		finally {
			worker.destroyForcibly(); // SIGKILL: no shutdown hook, no release of what it holds
			worker.waitFor();
		}
		assertThat(Files.readString(output)).doesNotContain("Exception in thread");
		Files.deleteIfExists(output);
		run((context) -> {
			List<String> expected = java.util.stream.IntStream.range(0, 12).mapToObj((i) -> "m" + i).toList();
			assertThat(this.python.call("wait", ids)).isEqualTo(new tools.jackson.databind.json.JsonMapper()
				.writeValueAsString(expected).replace(",", ", "));
		});
	}

	private String hostname() {
		return "celerity-" + this.python.javaQueue() + "@test";
	}

	@Test
	void celeryInspectPingRegisteredAndStatsReachTheCelerityWorker() {
		run((context) -> {
			assertThat(this.python.celery("inspect", "ping", "-d", hostname(), "-t", "5")).contains(hostname())
				.contains("pong");
			assertThat(this.python.celery("inspect", "registered", "-d", hostname(), "-t", "5"))
				.contains("java.add")
				.contains("java.slow");
			assertThat(this.python.celery("inspect", "stats", "-d", hostname(), "-t", "5")).contains(hostname())
				.contains("\"pid\"");
		});
	}

	@Test
	void celeryInspectActiveListsTheTaskTheCelerityWorkerRuns() {
		run((context) -> {
			String ids = this.python.call("many", "1", "4000");
			String id = ids.replaceAll("[\\[\\]\" ]", "");
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.python.celery("inspect", "active", "-d", hostname(), "-t", "5"))
					.contains(id)
					.contains("java.slow")
					.contains("m0"));
		});
	}

	@Test
	void celeryInspectReservedListsWhatTheCelerityWorkerHoldsAndHasNotStarted() {
		run((context) -> {
			// concurrency 2: two run, the other three wait in the pool's prefetch
			List<String> ids = List.of(this.python.call("many", "5", "3000").replaceAll("[\\[\\]\" ]", "").split(","));
			await().atMost(WAIT).untilAsserted(() -> {
				String reserved = this.python.celery("inspect", "reserved", "-d", hostname(), "-t", "5");
				assertThat(ids.stream().filter(reserved::contains)).hasSize(3);
				assertThat(reserved).contains("java.slow").contains("m4");
			});
		});
	}

	@Test
	void celeryControlRevokeStopsAPendingJavaTask() {
		run((context) -> {
			AsyncResult<Object> later = context.getBean(TaskTemplate.class)
				.send(Signature.of("java.stamp", "revoked-label").countdown(Duration.ofSeconds(3)));
			assertThat(this.python.celery("control", "revoke", later.id(), "-d", hostname(), "-t", "5"))
				.contains("flagged as revoked");
			assertThatExceptionOfType(dev.celerity.api.TaskRevokedException.class)
				.isThrownBy(() -> later.get(WAIT));
			assertThat(context.getBean(InteropTasks.class).started).doesNotContainKey("revoked-label");
		});
	}

	@Test
	void celeryEventsDumpShowsTheCelerityWorkersHeartbeatAndTaskEvents() {
		run((context) -> {
			try (PythonCelery.Running dump = this.python.start("events", "--dump")) {
				// a heartbeat in the dump says it listens, so the task's events that follow cannot be missed
				await().atMost(WAIT).until(() -> dump.output().contains(hostname()));
				assertThat(dump.output()).contains("heartbeat");
				AsyncResult<Object> sum = context.getBean(TaskTemplate.class).send("java.add", 1, 1);
				assertThat(sum.get(WAIT)).isEqualTo(2);
				await().atMost(WAIT).untilAsserted(() -> assertThat(dump.output()).contains(sum.id()));
			}
		});
	}

	@FunctionalInterface
	interface ContextTest {

		void run(AssertableApplicationContext context) throws Exception;

	}

}
