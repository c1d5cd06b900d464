package dev.celerity.samples.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import dev.celerity.broker.Broker;
import dev.celerity.broker.memory.InMemoryBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boots the sample without Redis and runs orders through it over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class OrderPipelineApplicationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> STATUS = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Broker broker;

	@Test
	void startsOnTheEmbeddedBrokerWithHealthUp() {
		assertThat(this.broker).isInstanceOf(InMemoryBroker.class);
		ResponseEntity<Map<String, Object>> health = this.rest.exchange("/actuator/health", org.springframework.http.HttpMethod.GET, null, STATUS);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).containsEntry("status", "UP");
	}

	@Test
	void readmeEndpointReadsAnswerAndItsWritesNeedTheirAccessEnabled() {
		Map<String, Object> placed = place(new Order(null, "ada@example.com", List.of(new Order.Item("pen", 1)),
				new BigDecimal("3.00"), false));
		awaitFinalState((String) placed.get("taskId"));
		for (String path : List.of("/actuator/health/celerity", "/actuator/celerity", "/actuator/celerity/workers",
				"/actuator/celerity/queues", "/actuator/celerity/queues/default", "/actuator/celerity/tasks",
				"/actuator/celerity/tasks/" + placed.get("taskId"), "/actuator/celerity/schedules")) {
			assertThat(this.rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		}
		// README: the write operations answer 405 until management.endpoint.celerity.access=unrestricted
		ResponseEntity<String> purge = this.rest.postForEntity("/actuator/celerity/queues/default",
				Map.of("action", "purge"), String.class);
		assertThat(purge.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void placedOrderIsProcessedToAReceipt() {
		Map<String, Object> placed = place(new Order(null, "ada@example.com", List.of(new Order.Item("book", 2)),
				new BigDecimal("30.00"), false));
		Map<String, Object> status = awaitFinalState((String) placed.get("taskId"));
		assertThat(status.get("state")).isEqualTo("SUCCESS");
		assertThat((Map<String, Object>) status.get("result")).containsEntry("orderId", placed.get("orderId"))
			.containsKeys("paymentId", "reservationId");
	}

	@Test
	void premiumOrderRunsOnTheHighQueueAndAFailedOrderReportsItsError() {
		Map<String, Object> premium = place(new Order("premium-1", "grace@example.com", List.of(new Order.Item("lamp", 1)),
				new BigDecimal("80.00"), true));
		assertThat(awaitFinalState((String) premium.get("taskId")).get("state")).isEqualTo("SUCCESS");
		Map<String, Object> unpaid = place(new Order("free-1", "alan@example.com", List.of(new Order.Item("desk", 1)),
				BigDecimal.ZERO, false));
		Map<String, Object> failed = awaitFinalState((String) unpaid.get("taskId"));
		assertThat(failed.get("state")).isEqualTo("FAILURE");
		assertThat((Map<String, Object>) failed.get("info")).containsEntry("exc_type", IllegalArgumentException.class.getName());
	}

	@Test
	void readmeMetricsCurlsAnswerAfterAnOrder() {
		Map<String, Object> placed = place(new Order(null, "ada@example.com", List.of(new Order.Item("book", 2)),
				new BigDecimal("30.00"), false));
		assertThat(awaitFinalState((String) placed.get("taskId")).get("state")).isEqualTo("SUCCESS");
		// the attempt's timer is recorded when its observation stops, just after the result is stored
		ResponseEntity<Map<String, Object>> metric = await().atMost(Duration.ofSeconds(15))
			.until(() -> this.rest.exchange(
					"/actuator/metrics/celerity.task.execute?tag=task:orders.process&tag=outcome:success",
					org.springframework.http.HttpMethod.GET, null, STATUS),
					(response) -> response.getStatusCode() == HttpStatus.OK);
		assertThat(metric.getBody()).containsEntry("name", "celerity.task.execute");
		ResponseEntity<String> prometheus = this.rest.getForEntity("/actuator/prometheus", String.class);
		assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(prometheus.getBody()).contains("celerity_task_execute_seconds_count{")
			.contains("task=\"orders.process\"")
			.contains("celerity_task_publish_seconds_count{")
			.contains("celerity_queue_depth");
	}

	private Map<String, Object> place(Order order) {
		ResponseEntity<Map<String, Object>> response = this.rest.exchange("/orders", org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(order), STATUS);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		return response.getBody();
	}

	private Map<String, Object> awaitFinalState(String taskId) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> this.rest.exchange("/orders/tasks/" + taskId, org.springframework.http.HttpMethod.GET, null, STATUS).getBody(),
					(status) -> List.of("SUCCESS", "FAILURE").contains(status.get("state")));
	}

}
