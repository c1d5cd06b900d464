package dev.celerity.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskState;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.control.MonitoredTasks;
import dev.celerity.broker.Broker;
import dev.celerity.worker.QueuePauses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code celerity} endpoint over real HTTP, with its write operations enabled.
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=celerity,health",
				"management.endpoint.celerity.access=unrestricted",
				"management.endpoint.health.show-details=always", "celerity.broker.type=memory",
				"management.health.redis.enabled=false", "celerity.worker.concurrency=1",
				"celerity.worker.fetch-wait=100ms", "celerity.worker.pools.reports.queues=reports",
				"celerity.control.heartbeat.interval=200ms" })
class CelerityEndpointIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TaskTemplate tasks;

	@Autowired
	private MonitoredTasks monitoredTasks;

	@Autowired
	private Broker broker;

	@Autowired
	private QueuePauses pauses;

	@AfterEach
	void resumeQueues() {
		this.pauses.paused().forEach(this.pauses::resume);
	}

	@Test
	void overviewListsWorkersQueuesAndTasks() throws Exception {
		await().until(() -> get("/actuator/celerity/workers").body().contains("\"pools\""));
		HttpResponse<String> response = get("/actuator/celerity");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"workers\"", "\"name\":\"monitored.add\"", "\"queue\":\"reports\"",
				"\"schedules\":[]");
	}

	@Test
	void taskByIdShowsItsStateAndUnknownOnesAre404() throws Exception {
		AsyncResult<Object> result = this.tasks.send("monitored.add", 20, 22);
		result.get(Duration.ofSeconds(5));
		HttpResponse<String> response = get("/actuator/celerity/tasks/" + result.id());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"state\":\"SUCCESS\"", "\"result\":42");
		assertThat(get("/actuator/celerity/tasks/no-such-task").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/celerity/nonsense").statusCode()).isEqualTo(404);
	}

	@Test
	void pauseHoldsAQueueAndResumeReleasesIt() throws Exception {
		HttpResponse<String> paused = post("/actuator/celerity/queues/reports", "{\"action\":\"pause\"}");
		assertThat(paused.statusCode()).isEqualTo(200);
		assertThat(paused.body()).contains("\"appliedBy\":[\"").contains("paused");
		AsyncResult<Object> report = this.tasks.send("monitored.report");
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
			.until(() -> this.broker.depth("reports") == 1);
		assertThat(get("/actuator/celerity/queues/reports").body()).contains("\"depth\":1");
		post("/actuator/celerity/queues/reports", "{\"action\":\"resume\"}");
		assertThat(report.get(Duration.ofSeconds(5))).isEqualTo("report");
	}

	@Test
	void revokeAndPurgeOverHttp() throws Exception {
		AsyncResult<Object> delayed = this.tasks.send(Signature.of("monitored.add", 1, 1).countdown(Duration.ofHours(1)));
		HttpResponse<String> revoked = post("/actuator/celerity/tasks/" + delayed.id(),
				"{\"action\":\"revoke\",\"terminate\":true}");
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(revoked.body()).contains("\"action\":\"revoke\"", "\"appliedBy\":[\"");
		assertThat(delayed.state()).isEqualTo(TaskState.REVOKED);
		HttpResponse<String> purged = post("/actuator/celerity/queues/default", "{\"action\":\"purge\"}");
		assertThat(purged.body()).contains("\"count\":1");
		assertThat(this.broker.depth("default")).isZero();
	}

	@Test
	void rateLimitChangeIsAppliedByEveryInstanceAndShownOnTheTask() throws Exception {
		HttpResponse<String> set = post("/actuator/celerity/rate-limits/monitored.add",
				"{\"action\":\"set\",\"limit\":\"50/m\"}");
		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(set.body(), "$.appliedBy")).hasSize(1);
		assertThat(JsonPath.<List<String>>read(get("/actuator/celerity/tasks").body(),
				"$[?(@.name == 'monitored.add')].rateLimit")).containsExactly("50/m");
		post("/actuator/celerity/rate-limits/monitored.add", "{\"action\":\"remove\"}");
		// a task without a limit has no rateLimit member: the endpoint writes no nulls
		assertThat(JsonPath.<List<Object>>read(get("/actuator/celerity/tasks").body(),
				"$[?(@.name == 'monitored.add')]")).singleElement()
			.satisfies((task) -> assertThat(((Map<?, ?>) task).containsKey("rateLimit")).isFalse());
		HttpResponse<String> invalid = post("/actuator/celerity/rate-limits/monitored.add",
				"{\"action\":\"set\",\"limit\":\"fast\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
	}

	@Test
	void unknownActionIs400() throws Exception {
		HttpResponse<String> response = post("/actuator/celerity/queues/default", "{\"action\":\"explode\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Unknown action 'explode'");
	}

	@Test
	void healthShowsTheCelerityContributor() throws Exception {
		await().until(() -> "UP".equals(JsonPath.read(get("/actuator/health").body(), "$.components.celerity.status")));
		String body = get("/actuator/health").body();
		assertThat(JsonPath.<Integer>read(body, "$.components.celerity.details.queues.reports.workers")).isEqualTo(1);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return new ActuatorHttp(this.port).get(path);
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return new ActuatorHttp(this.port).post(path, json);
	}

}
