package dev.celerity.autoconfigure.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.celerity.api.RemoteError;
import dev.celerity.control.memory.InMemoryTaskEventHistory;
import dev.celerity.events.TaskEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The tasks table over a history: rows from events, filters, and pages that neither repeat nor skip a task.
 */
class TaskTableTests {

	private final MutableClock clock = new MutableClock();

	private final InMemoryTaskEventHistory history = new InMemoryTaskEventHistory(10_000, "worker-1", this.clock);

	private final TaskTable table = new TaskTable(this.history, 100_000);

	@Test
	void rowJoinsATasksEventsAndTakesItsLatestStateEvenWhenThePublicationComesLast() {
		event(new TaskEvent.TaskReceived("t1", "orders.process", "default", false));
		event(new TaskEvent.TaskStarted("t1", "orders.process", "default", 0, Duration.ofMillis(12), "[42]"));
		event(new TaskEvent.TaskSucceeded("t1", "orders.process", "default", Duration.ofMillis(30)));
		event(new TaskEvent.TaskPublished("t1", "orders.process", "default", 0, null));
		TaskRow row = this.table.page(TaskFilter.NONE, null, 10).tasks().get(0);
		assertThat(row.state()).isEqualTo("SUCCESS");
		assertThat(row.args()).isEqualTo("[42]");
		assertThat(row.runtimeMs()).isEqualTo(30);
		assertThat(row.worker()).isEqualTo("worker-1");
		assertThat(row.queue()).isEqualTo("default");
	}

	@Test
	void pagesCoverEveryTaskOnceNewestFirst() {
		for (int i = 0; i < 57; i++) {
			run("task-" + i, (i % 3 == 0) ? "reports.daily" : "orders.process", i % 5 == 0);
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			TaskTable.Page page = this.table.page(TaskFilter.NONE, cursor, 10);
			page.tasks().forEach((row) -> seen.add(row.id()));
			cursor = page.next();
		}
		while (cursor != null);
		assertThat(seen).hasSize(57).doesNotHaveDuplicates().startsWith("task-56", "task-55");
	}

	@Test
	void filtersByStateNameQueueWorkerTimeAndSearch() {
		for (int i = 0; i < 20; i++) {
			run("task-" + i, (i % 2 == 0) ? "reports.daily" : "orders.process", i % 4 == 0);
		}
		assertThat(ids(new TaskFilter("failure", null, null, null, null, null, null)))
			.containsExactly("task-16", "task-12", "task-8", "task-4", "task-0");
		assertThat(ids(new TaskFilter(null, "REPORTS", null, null, null, null, null))).hasSize(10);
		assertThat(ids(new TaskFilter(null, null, "default", "worker-1", null, null, null))).hasSize(20);
		assertThat(ids(new TaskFilter(null, null, "other", null, null, null, null))).isEmpty();
		assertThat(ids(new TaskFilter(null, null, null, null, null, null, "arg-task-7"))).containsExactly("task-7");
		assertThat(ids(new TaskFilter(null, null, null, null, null, null, "task-13"))).containsExactly("task-13");
		long start = this.clock.millis();
		run("late", "orders.process", false);
		assertThat(ids(new TaskFilter(null, null, null, null, start, null, null))).containsExactly("late");
		assertThat(ids(new TaskFilter(null, null, null, null, null, start - 1, null))).doesNotContain("late")
			.hasSize(20);
	}

	@Test
	void filteredPagesStillCoverEveryMatchingTaskOnce() {
		for (int i = 0; i < 40; i++) {
			run("task-" + i, "orders.process", i % 2 == 0);
		}
		TaskFilter failures = new TaskFilter("FAILURE", null, null, null, null, null, null);
		TaskTable.Page first = this.table.page(failures, null, 7);
		TaskTable.Page second = this.table.page(failures, first.next(), 7);
		TaskTable.Page third = this.table.page(failures, second.next(), 7);
		List<String> all = new ArrayList<>();
		List.of(first, second, third).forEach((page) -> page.tasks().forEach((row) -> all.add(row.id())));
		assertThat(all).hasSize(20).doesNotHaveDuplicates();
		assertThat(third.next()).isNull();
	}

	@Test
	void badFilterValuesAndCursorsAreRefusedWithWhatWasWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskFilter("DONE", null, null, null, null, null, null))
			.withMessageContaining("Unknown state 'DONE'");
		assertThatIllegalArgumentException().isThrownBy(() -> new TaskFilter(null, null, null, null, 10L, 5L, null))
			.withMessageContaining("ends before it starts");
		assertThatIllegalArgumentException().isThrownBy(() -> this.table.page(TaskFilter.NONE, "yesterday", 10))
			.withMessageContaining("Malformed page cursor 'yesterday'");
	}

	private List<String> ids(TaskFilter filter) {
		return this.table.page(filter, null, 100).tasks().stream().map(TaskRow::id).toList();
	}

	private void run(String id, String name, boolean fail) {
		event(new TaskEvent.TaskPublished(id, name, "default", 0, null));
		event(new TaskEvent.TaskStarted(id, name, "default", 0, Duration.ofMillis(1), "[arg-" + id + "]"));
		event(fail ? new TaskEvent.TaskFailed(id, name, "default", 0, new RemoteError("E", "boom", List.of()), null)
				: new TaskEvent.TaskSucceeded(id, name, "default", Duration.ofMillis(3)));
	}

	private void event(TaskEvent event) {
		this.history.onEvent(event);
		this.clock.advance();
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-12-04T10:00:00Z");

		void advance() {
			this.now = this.now.plusMillis(1);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
