package dev.celerity.samples.secured;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The dashboard behind the application's Spring Security: served because a filter chain exists, pages for viewers
 * without write actions, writes for operators only and only with Spring Security's CSRF token and the dashboard's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "celerity.broker.type=memory", "celerity.worker.enabled=false" })
class SecuredDashboardTests {

	private static final Pattern DATA = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");

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
	}

	@Test
	void anUnauthenticatedClientGetsNoPage() throws Exception {
		assertThat(new Browser(null).get("/celerity/queues").statusCode()).isEqualTo(401);
	}

	@Test
	void aViewerSeesNoWriteActionAndIsRefusedOneWithEveryToken() throws Exception {
		Browser viewer = new Browser("viewer:viewer-secret");
		HttpResponse<String> page = viewer.get("/celerity/queues");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(attribute(page, "can-write")).isEqualTo("false");
		assertThat(viewer.purge(page).statusCode()).isEqualTo(403);
		assertThat(this.broker.depth("reports")).isEqualTo(1);
	}

	@Test
	void anOperatorPurgesWithBothTokensButNotWithoutSpringSecuritysOne() throws Exception {
		Browser operator = new Browser("operator:operator-secret");
		HttpResponse<String> page = operator.get("/celerity/queues");
		assertThat(attribute(page, "can-write")).isEqualTo("true");
		assertThat(attribute(page, "security-csrf-header")).isEqualTo("X-CSRF-TOKEN");
		HttpResponse<String> withoutSpringToken = operator.send(operator.post("/celerity/api/queues/reports/purge")
			.header(attribute(page, "csrf-header"), attribute(page, "csrf-token")));
		assertThat(withoutSpringToken.statusCode()).isEqualTo(403);
		assertThat(this.broker.depth("reports")).isEqualTo(1);
		HttpResponse<String> purge = operator.purge(page);
		assertThat(purge.statusCode()).isEqualTo(200);
		assertThat(purge.body()).contains("\"count\":1");
		assertThat(this.broker.depth("reports")).isZero();
	}

	private static String attribute(HttpResponse<String> page, String name) {
		Matcher matcher = DATA.matcher(page.body());
		while (matcher.find()) {
			if (matcher.group(1).equals(name)) {
				return matcher.group(2);
			}
		}
		return null;
	}

	/**
	 * A client that keeps its cookies (the session and the dashboard's token) like a browser.
	 */
	private final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final String credentials;

		Browser(String credentials) {
			this.credentials = credentials;
		}

		HttpResponse<String> get(String path) throws Exception {
			return send(request(path).GET());
		}

		HttpResponse<String> purge(HttpResponse<String> page) throws Exception {
			return send(post("/celerity/api/queues/reports/purge")
				.header(attribute(page, "csrf-header"), attribute(page, "csrf-token"))
				.header(attribute(page, "security-csrf-header"), attribute(page, "security-csrf-token")));
		}

		HttpRequest.Builder post(String path) {
			return request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"));
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + SecuredDashboardTests.this.port + path))
				.timeout(Duration.ofSeconds(10));
			if (this.credentials != null) {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString(this.credentials.getBytes(StandardCharsets.UTF_8)));
			}
			return request;
		}

	}

}
