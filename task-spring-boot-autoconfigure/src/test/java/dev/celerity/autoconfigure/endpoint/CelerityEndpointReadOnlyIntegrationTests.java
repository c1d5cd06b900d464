package dev.celerity.autoconfigure.endpoint;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.broker.Broker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code celerity} endpoint exposed over HTTP without {@code management.endpoint.celerity.access}: reads answer,
 * writes are not there.
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=celerity", "celerity.broker.type=memory",
				"management.health.redis.enabled=false", "celerity.worker.enabled=false" })
class CelerityEndpointReadOnlyIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TaskTemplate tasks;

	@Autowired
	private Broker broker;

	@Test
	void purgeIsNotAllowedAndLeavesTheQueueAsItWas() throws Exception {
		this.tasks.send(Signature.of("monitored.add", 1, 1).countdown(Duration.ofHours(1)));
		HttpResponse<String> purge = post("/actuator/celerity/queues/default", "{\"action\":\"purge\"}");
		assertThat(purge.statusCode()).isEqualTo(405);
		assertThat(purge.headers().allValues("Allow")).containsExactly("GET");
		assertThat(this.broker.depth("default")).isEqualTo(1);
	}

	@Test
	void revokeAndRateLimitChangesAreNotAllowed() throws Exception {
		assertThat(post("/actuator/celerity/tasks/some-id", "{\"action\":\"revoke\"}").statusCode()).isEqualTo(405);
		assertThat(post("/actuator/celerity/rate-limits/monitored.add", "{\"action\":\"set\",\"limit\":\"1/s\"}")
			.statusCode()).isEqualTo(405);
	}

	@Test
	void readOperationsStillAnswer() throws Exception {
		assertThat(get("/actuator/celerity/queues/default").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/celerity/tasks").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return new ActuatorHttp(this.port).get(path);
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return new ActuatorHttp(this.port).post(path, json);
	}

}
