package dev.celerity.autoconfigure.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import dev.celerity.backend.TaskResult;
import dev.celerity.control.RecordedTaskEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's page: its stored state joined with its events.
 */
class TaskDetailTests {

	@Test
	void aCustomStateWithStepAndTotalGetsAProgressAndThePublicationGivesTheRouting() {
		TaskResult processing = new TaskResult("t1", "orders.process", "PROCESSING", null,
				Map.of("step", 2, "total", 3, "stage", "charge-payment"), null, Instant.parse("2026-12-04T10:00:00Z"));
		List<RecordedTaskEvent> events = List.of(
				new RecordedTaskEvent("1-0", "web-1", Map.of("type", "TaskPublished", "at", 1L, "task_id", "t1",
						"task", "orders.process", "queue", "high", "priority", 9)),
				new RecordedTaskEvent("2-0", "worker-1", Map.of("type", "TaskStarted", "at", 2L, "task_id", "t1",
						"task", "orders.process", "queue", "high", "retries", 0, "args", "[order-1]")));
		Map<String, Object> detail = TaskDetail.of("t1", processing, events);
		assertThat(detail).containsEntry("state", "PROCESSING")
			.containsEntry("eventState", "STARTED")
			.containsEntry("worker", "worker-1")
			.containsEntry("args", "[order-1]")
			.containsEntry("progress", Map.of("step", 2, "total", 3));
		assertThat(detail.get("routing")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("queue", "high")
			.containsEntry("priority", 9);
		assertThat((List<?>) detail.get("events")).hasSize(2);
	}

	@Test
	void metaWithoutATotalGetsNoProgress() {
		TaskResult revoked = new TaskResult("t2", "orders.process", "REVOKED", null, Map.of("reason", "revoked"), null,
				Instant.parse("2026-12-04T10:00:00Z"));
		assertThat(TaskDetail.of("t2", revoked, List.of()).get("progress")).isNull();
	}

}
