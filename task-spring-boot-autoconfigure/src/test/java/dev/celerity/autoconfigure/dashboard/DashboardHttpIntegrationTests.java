package dev.celerity.autoconfigure.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.autoconfigure.control.MonitoredTasks;
import dev.celerity.broker.Broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard over HTTP on the embedded broker with write actions allowed: its pages and JSON, and writes that need
 * the page's CSRF token and a same-origin request.
 */
@SpringBootTest(classes = DashboardHttpIntegrationTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "celerity.broker.type=memory", "celerity.dashboard.enabled=true",
				"celerity.dashboard.read-only=false", "celerity.dashboard.path=/ops/tasks",
				"management.health.redis.enabled=false" })
class DashboardHttpIntegrationTests {

	private static final Pattern TOKEN = Pattern.compile("data-csrf-token=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private TaskTemplate tasks;

	@Autowired
	private Broker broker;

	@Test
	void everyPageUrlAnswersThePageAndTheTasksApiListsWhatRan() throws Exception {
		AsyncResult<Object> sum = this.tasks.send("monitored.add", 2, 3);
		assertThat(sum.get(Duration.ofSeconds(10))).isEqualTo(5);
		for (String page : new String[] { "/ops/tasks", "/ops/tasks/workers", "/ops/tasks/tasks",
				"/ops/tasks/tasks/" + sum.id(), "/ops/tasks/queues", "/ops/tasks/queues/default",
				"/ops/tasks/rate-limits", "/ops/tasks/schedules" }) {
			HttpResponse<String> response = get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.body()).as(page).contains("data-can-write=\"true\"").contains("/ops/tasks/assets/dashboard.js");
		}
		assertThat(get("/ops/tasks/assets/dashboard.js").body()).contains("EventSource");
		assertThat(get("/ops/tasks/assets/other.js").statusCode()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/ops/tasks/api/tasks?name=monitored")
			.body()).contains("\"id\":\"" + sum.id() + "\"").contains("\"state\":\"SUCCESS\""));
		assertThat(get("/ops/tasks/api/tasks/" + sum.id()).body()).contains("\"result\":5").contains("TaskSucceeded");
		assertThat(get("/ops/tasks/api/tasks?state=DONE").statusCode()).isEqualTo(400);
		assertThat(get("/ops/tasks/api/tasks?from=yesterday").body()).contains("'from' must be an ISO-8601 instant");
		assertThat(get("/ops/tasks/api/tasks/no-such-task").statusCode()).isEqualTo(404);
	}

	@Test
	void aWriteWithThePagesTokenTakesEffectAndOneWithoutOrFromElsewhereIsRefused() throws Exception {
		this.tasks.send(Signature.of("monitored.add", 1, 1).countdown(Duration.ofHours(1)));
		assertThat(this.broker.depth("default")).isEqualTo(1);
		HttpResponse<String> page = get("/ops/tasks/queues");
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		Matcher token = TOKEN.matcher(page.body());
		assertThat(token.find()).isTrue();
		assertThat(post("/ops/tasks/api/queues/default/purge", cookie, null, null).statusCode()).isEqualTo(403);
		assertThat(post("/ops/tasks/api/queues/default/purge", cookie, "wrong", null).statusCode()).isEqualTo(403);
		assertThat(post("/ops/tasks/api/queues/default/purge", cookie, token.group(1), "http://evil.example")
			.body()).contains("cross-origin request from http://evil.example");
		assertThat(this.broker.depth("default")).isEqualTo(1);
		HttpResponse<String> purge = post("/ops/tasks/api/queues/default/purge", cookie, token.group(1),
				"http://127.0.0.1:" + this.port);
		assertThat(purge.statusCode()).isEqualTo(200);
		assertThat(purge.body()).contains("\"count\":1");
		assertThat(this.broker.depth("default")).isZero();
		assertThat(post("/ops/tasks/api/rate-limits/monitored.add", cookie, token.group(1), null, "{\"limit\":\"often\"}")
			.body()).contains("Invalid rate limit 'often'");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String cookie, String token, String origin) throws Exception {
		return post(path, cookie, token, origin, "{}");
	}

	private HttpResponse<String> post(String path, String cookie, String token, String origin, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header(DashboardCsrf.HEADER, token);
		}
		if (origin != null) {
			request.header("Origin", origin);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		MonitoredTasks monitoredTasks() {
			return new MonitoredTasks();
		}

	}

}
