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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.broker.Broker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard with its default {@code read-only=true}: pages offer no write action and a write, even with the
 * page's token, answers 403 and changes nothing.
 */
@SpringBootTest(classes = DashboardHttpIntegrationTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "celerity.broker.type=memory", "celerity.dashboard.enabled=true",
				"management.health.redis.enabled=false" })
class DashboardReadOnlyIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private TaskTemplate tasks;

	@Autowired
	private Broker broker;

	@Test
	void aForcedWriteIsRefusedAndThePageOffersNone() throws Exception {
		this.tasks.send(Signature.of("monitored.add", 1, 1).countdown(Duration.ofHours(1)));
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(uri("/celerity/queues")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("data-can-write=\"false\"");
		Matcher token = Pattern.compile("data-csrf-token=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> purge = this.http.send(HttpRequest.newBuilder(uri("/celerity/api/queues/default/purge"))
			.header("Content-Type", "application/json")
			.header("Cookie", page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0])
			.header(DashboardCsrf.HEADER, token.group(1))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(purge.statusCode()).isEqualTo(403);
		assertThat(purge.body()).contains("celerity.dashboard.read-only=true");
		assertThat(this.broker.depth("default")).isEqualTo(1);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
