package dev.celerity.samples.secured;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.broker.Broker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's write operations behind Spring Security: nobody unauthenticated reads or writes, a viewer reads and
 * is refused every write, an operator writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "celerity.broker.type=memory", "celerity.worker.enabled=false" })
class SecuredOperationsApplicationTests {

	private static final String PURGE = "{\"action\":\"purge\"}";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private TaskTemplate tasks;

	@Autowired
	private Broker broker;

	@BeforeEach
	void queueOneReport() {
		this.broker.purge("reports");
		this.tasks.send(Signature.of("reports.build", "daily"));
		assertThat(this.broker.depth("reports")).isEqualTo(1);
	}

	@Test
	void anUnauthenticatedClientCanNeitherReadNorWrite() throws Exception {
		assertThat(get("/actuator/celerity/queues/reports", null).statusCode()).isEqualTo(401);
		assertThat(post("/actuator/celerity/queues/reports", PURGE, null).statusCode()).isEqualTo(401);
		assertThat(post("/actuator/celerity/tasks/any-id", "{\"action\":\"revoke\"}", null).statusCode())
			.isEqualTo(401);
		assertThat(this.broker.depth("reports")).isEqualTo(1);
	}

	@Test
	void aViewerReadsButIsRefusedEveryWrite() throws Exception {
		HttpResponse<String> queue = get("/actuator/celerity/queues/reports", "viewer:viewer-secret");
		assertThat(queue.statusCode()).isEqualTo(200);
		assertThat(queue.body()).contains("\"reports\"");
		assertThat(post("/actuator/celerity/queues/reports", PURGE, "viewer:viewer-secret").statusCode())
			.isEqualTo(403);
		assertThat(post("/actuator/celerity/rate-limits/reports.build", "{\"action\":\"set\",\"limit\":\"1/s\"}",
				"viewer:viewer-secret")
			.statusCode()).isEqualTo(403);
		assertThat(this.broker.depth("reports")).isEqualTo(1);
	}

	@Test
	void anOperatorPurgesTheQueue() throws Exception {
		HttpResponse<String> purge = post("/actuator/celerity/queues/reports", PURGE, "operator:operator-secret");
		assertThat(purge.statusCode()).isEqualTo(200);
		assertThat(this.broker.depth("reports")).isZero();
	}

	@Test
	void aWrongPasswordIsRefused() throws Exception {
		assertThat(post("/actuator/celerity/queues/reports", PURGE, "operator:guess").statusCode()).isEqualTo(401);
		assertThat(this.broker.depth("reports")).isEqualTo(1);
	}

	@Test
	void healthStaysOpenForProbes() throws Exception {
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		return this.http.send(request(path, credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json, String credentials) throws Exception {
		return this.http.send(request(path, credentials).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

}
