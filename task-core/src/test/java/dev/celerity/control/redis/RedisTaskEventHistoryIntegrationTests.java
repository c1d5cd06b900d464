package dev.celerity.control.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.control.RecordedTaskEvent;
import dev.celerity.control.TaskEventHistory;
import dev.celerity.control.TaskEventPage;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.testing.redis.RedisTestContext;
import dev.celerity.testing.redis.RequiresRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the event stream back: newest first in pages that neither repeat nor skip an entry, oldest first from a
 * cursor, each event with the instance that wrote it.
 */
@RequiresRedis
class RedisTaskEventHistoryIntegrationTests {

	private final String prefix;

	private final StringRedisTemplate redis;

	RedisTaskEventHistoryIntegrationTests(RedisTestContext context) {
		this.prefix = context.keyPrefix() + ":" + UUID.randomUUID();
		this.redis = new StringRedisTemplate(context.connectionFactory());
	}

	@Test
	void pagesBackwardsCoverEveryEventOnceNewestFirstAndForwardsFollowFromACursor() {
		RedisTaskEventStream stream = new RedisTaskEventStream(this.redis, this.prefix, 10_000,
				RedisTaskEventStream.allTypes(), "instance-a");
		append(stream, 0, 300);
		stream.close();
		TaskEventHistory history = new RedisTaskEventHistory(this.redis, this.prefix);
		List<String> newestFirst = new ArrayList<>();
		String before = null;
		TaskEventPage page;
		do {
			page = history.older(before, 0, 3);
			page.events().forEach((event) -> newestFirst.add(event.taskId()));
			// a page may come back empty while the cursor still moves on (the whole read is checked below)
			assertThat(page.events()).allSatisfy((event) -> assertThat(event.instance()).isEqualTo("instance-a"));
			before = page.last();
		}
		while (!page.end());
		assertThat(newestFirst).hasSize(300).doesNotHaveDuplicates().startsWith("id-299", "id-298").endsWith("id-0");
		String newest = history.older(null, 0, 1).last();
		RedisTaskEventStream more = new RedisTaskEventStream(this.redis, this.prefix, 10_000);
		append(more, 300, 5);
		more.close();
		assertThat(history.newer(newest, 100).events()).extracting(RecordedTaskEvent::taskId)
			.containsExactly("id-300", "id-301", "id-302", "id-303", "id-304");
	}

	@Test
	void aTimeBoundStopsTheBackwardRead() {
		RedisTaskEventStream stream = new RedisTaskEventStream(this.redis, this.prefix, 10_000);
		append(stream, 0, 10);
		stream.close();
		TaskEventHistory history = new RedisTaskEventHistory(this.redis, this.prefix);
		assertThat(history.older(null, System.currentTimeMillis() + 60_000, 100).events()).isEmpty();
		assertThat(history.older(TaskEventHistory.cursorAt(0), 0, 100).events()).isEmpty();
		assertThat(history.older(null, 0, 100).events()).extracting(RecordedTaskEvent::type)
			.containsOnly("TaskSucceeded");
		assertThat(Set.copyOf(history.older(null, 0, 100).events().stream().map(RecordedTaskEvent::at).toList()))
			.allSatisfy((at) -> assertThat(at).isPositive());
	}

	private static void append(TaskEventListener stream, int from, int count) {
		for (int i = from; i < from + count; i++) {
			stream.onEvent(new TaskEvent.TaskSucceeded("id-" + i, "add", "default", Duration.ofMillis(1)));
		}
	}

}
