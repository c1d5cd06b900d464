package dev.celerity.control.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.events.TaskEvent;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The event stream against a real Redis, each test under its own key prefix: entries of many events, their format,
 * and retention counted in events.
 */
@RequiresRedis
class RedisTaskEventStreamIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String prefix;

	private final StringRedisTemplate redis;

	// a prefix per test (the class's own, deleted after the class, plus the test's), so that retention tests see
	// only their own stream
	RedisTaskEventStreamIntegrationTests(RedisTestContext context) {
		this.prefix = context.keyPrefix() + ":" + UUID.randomUUID();
		this.redis = new StringRedisTemplate(context.connectionFactory());
	}

	@Test
	void eventsQueuedTogetherShareOneEntryThatDatesEachEvent() {
		long before = System.currentTimeMillis();
		RedisTaskEventStream stream = new RedisTaskEventStream(this.redis, this.prefix, 10_000);
		for (int i = 0; i < 500; i++) {
			stream.onEvent(new TaskEvent.TaskSucceeded("id-" + i, "add", "default", Duration.ofMillis(i)));
		}
		stream.close();
		List<MapRecord<String, Object, Object>> entries = entries(stream);
		assertThat(entries).as("far fewer entries than events").hasSizeLessThan(100);
		entries.forEach((entry) -> assertThat(entry.getValue().get("count"))
			.isEqualTo(String.valueOf(events(entry).size())));
		List<Map<String, Object>> events = events(stream);
		assertThat(events).hasSize(500);
		assertThat(events).extracting((event) -> event.get("task_id"))
			.startsWith("id-0", "id-1", "id-2")
			.endsWith("id-498", "id-499");
		assertThat(events.get(499)).containsEntry("type", "TaskSucceeded")
			.containsEntry("task", "add")
			.containsEntry("queue", "default")
			.containsEntry("runtime_ms", 499);
		assertThat(((Number) events.get(499).get("at")).longValue()).isBetween(before, System.currentTimeMillis());
		assertThat(stream.droppedCount()).isZero();
	}

	@Test
	void anIdleWriterAppendsEachEventAtOnceWithoutBeingClosed() {
		try (RedisTaskEventStream stream = new RedisTaskEventStream(this.redis, this.prefix, 1000)) {
			for (int i = 0; i < 5; i++) {
				stream.onEvent(new TaskEvent.TaskReceived("id-" + i, "add", "default", false));
				int appended = i + 1;
				await().atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(5))
					.until(() -> events(stream).size() == appended);
			}
			assertThat(entries(stream)).hasSize(5)
				.allSatisfy((entry) -> assertThat(entry.getValue()).containsEntry("count", "1"));
			assertThat(events(stream).get(4)).containsEntry("type", "TaskReceived").containsEntry("task_id", "id-4");
		}
	}

	@Test
	void singleEventEntriesAreTrimmedToTheMaximumNumberOfEvents() {
		try (RedisTaskEventStream stream = new RedisTaskEventStream(this.redis, this.prefix, 20)) {
			for (int i = 0; i < 60; i++) {
				stream.onEvent(new TaskEvent.TaskSucceeded("id-" + i, "add", "default", Duration.ZERO));
				String id = "id-" + i;
				await().atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(2))
					.until(() -> lastTaskId(stream).equals(id));
			}
			List<Map<String, Object>> events = events(stream);
			assertThat(events).hasSize(20);
			assertThat(events.get(0)).containsEntry("task_id", "id-40");
		}
	}

	@Test
	void entriesOfManyEventsAreTrimmedToAboutTheMaximumNumberOfEvents() {
		try (RedisTaskEventStream stream = new RedisTaskEventStream(this.redis, this.prefix, 1000)) {
			for (int burst = 0; burst < 10; burst++) {
				for (int i = 0; i < 2000; i++) {
					stream.onEvent(new TaskEvent.TaskSucceeded("id-" + burst + "-" + i, "add", "default",
							Duration.ZERO));
				}
				String last = "id-" + burst + "-1999";
				await().atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(5))
					.until(() -> lastTaskId(stream).equals(last));
			}
			assertThat(stream.droppedCount()).isZero();
			List<Map<String, Object>> events = events(stream);
			assertThat(events.size()).as("events kept of 20,000").isBetween(500, 2000);
			assertThat(events.get(events.size() - 1)).containsEntry("task_id", "id-9-1999");
			assertThat(entries(stream).size()).isLessThan(events.size() / 10);
		}
	}

	@Test
	void appendsOnlyTheChosenEventTypes() {
		RedisTaskEventStream stream = new RedisTaskEventStream(this.redis, this.prefix, 1000,
				List.of("TaskSucceeded", "TaskFailed"));
		stream.onEvent(new TaskEvent.TaskReceived("id-1", "add", "default", false));
		stream.onEvent(new TaskEvent.TaskSucceeded("id-1", "add", "default", Duration.ZERO));
		stream.close();
		assertThat(events(stream)).extracting((event) -> event.get("type")).containsExactly("TaskSucceeded");
		assertThat(stream.droppedCount()).as("left out, not dropped").isZero();
	}

	@Test
	void rejectsAnUnknownEventType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RedisTaskEventStream(this.redis, this.prefix, 1000, List.of("TaskSucceded")))
			.withMessageContaining("TaskSucceded")
			.withMessageContaining("TaskSucceeded");
	}

	@Test
	void dropsEventsAfterItIsClosed() {
		RedisTaskEventStream stream = new RedisTaskEventStream(this.redis, this.prefix, 1000);
		stream.close();
		stream.onEvent(new TaskEvent.TaskSucceeded("late", "add", "default", Duration.ZERO));
		assertThat(stream.droppedCount()).isOne();
		assertThat(this.redis.hasKey(stream.key())).isFalse();
	}

	private List<MapRecord<String, Object, Object>> entries(RedisTaskEventStream stream) {
		return this.redis.opsForStream().range(stream.key(), Range.unbounded());
	}

	private List<Map<String, Object>> events(RedisTaskEventStream stream) {
		return entries(stream).stream().flatMap((entry) -> events(entry).stream()).toList();
	}

	private String lastTaskId(RedisTaskEventStream stream) {
		List<Map<String, Object>> events = events(stream);
		return events.isEmpty() ? "" : (String) events.get(events.size() - 1).get("task_id");
	}

	private static List<Map<String, Object>> events(MapRecord<String, Object, Object> entry) {
		return JSON.readValue((String) entry.getValue().get("events"), new TypeReference<List<Map<String, Object>>>() {
		});
	}

}
