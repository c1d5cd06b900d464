package dev.celerity.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Periodic;
import dev.celerity.api.Signature;
import dev.celerity.api.Task;
import dev.celerity.api.TaskTemplate;
import dev.celerity.api.TimeLimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JSON of every read of the {@code celerity} endpoint follows one set of conventions: no {@code null} members,
 * durations and instants as ISO-8601 strings, enum values in upper case.
 */
@SpringBootTest(classes = { EndpointTestApplication.class, CelerityEndpointJsonTests.JsonTasks.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=celerity", "celerity.broker.type=memory",
				"management.health.redis.enabled=false", "celerity.worker.concurrency=1",
				"celerity.worker.fetch-wait=100ms", "celerity.control.heartbeat.interval=200ms" })
class CelerityEndpointJsonTests {

	private static final Pattern DURATION_MEMBER = Pattern
		.compile("\"(\\w*(?:[Tt]imeLimit|[Ii]nterval|[Dd]uration|[Ww]aited|[Rr]untime))\":(\"[^\"]*\"|[-0-9.]+)");

	private static final Pattern INSTANT_MEMBER = Pattern
		.compile("\"(\\w*(?:[Hh]eartbeat|[Ff]ire|[Aa]t|[Dd]ate|[Tt]ick))\":(\"[^\"]*\"|[-0-9.]+)");

	@LocalServerPort
	private int port;

	@Autowired
	private TaskTemplate tasks;

	@Test
	void everyReadFollowsOneSetOfJsonConventions() throws Exception {
		ActuatorHttp http = new ActuatorHttp(this.port);
		await().until(() -> http.get("/actuator/celerity/workers").body().contains("\"pools\""));
		AsyncResult<Object> done = this.tasks.send("json.slow");
		done.get(Duration.ofSeconds(5));
		this.tasks.send(Signature.of("json.unknown"));
		await().until(() -> http.get("/actuator/celerity/queues/default").body().contains("\"reason\""));
		for (String path : List.of("", "/workers", "/queues", "/queues/default", "/tasks", "/tasks/" + done.id(),
				"/schedules", "/schedules/json.tick")) {
			HttpResponse<String> response = http.get("/actuator/celerity" + path);
			String json = response.body();
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(json).as(path + ": no null members").doesNotContain(":null");
			assertIso(path, json, DURATION_MEMBER, "P");
			assertIso(path, json, INSTANT_MEMBER, "2");
		}
		String tasksJson = http.get("/actuator/celerity/tasks").body();
		assertThat(tasksJson).contains("\"hardTimeLimit\":\"PT30S\"");
		assertThat(http.get("/actuator/celerity/schedules").body()).contains("\"missedTicks\":\"RUN_ONCE\"");
	}

	private static void assertIso(String path, String json, Pattern member, String start) {
		Matcher matcher = member.matcher(json);
		while (matcher.find()) {
			String value = matcher.group(2);
			assertThat(value).as(path + ": " + matcher.group(1) + " as an ISO-8601 string").startsWith("\"" + start);
		}
	}

	/**
	 * A task with a time limit and a periodic schedule, so that every kind of value appears.
	 */
	@Configuration(proxyBeanMethods = false)
	static class JsonTasks {

		@Bean
		JsonTaskBean jsonTaskBean() {
			return new JsonTaskBean();
		}

	}

	static class JsonTaskBean {

		@Task(name = "json.slow")
		@TimeLimit(hard = "30s")
		public Map<String, Object> slow() {
			return Map.of("ok", true);
		}

		@Task(name = "json.tick")
		@Periodic(fixedRate = "1h")
		public void tick() {
		}

	}

}
