package dev.celerity.control.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.control.RecordedTaskEvent;
import dev.celerity.control.TaskEventHistory;
import dev.celerity.control.TaskEventPage;

/**
 * Reads the event stream that {@link RedisTaskEventStream} writes, with {@code XREVRANGE} and {@code XRANGE} and a
 * count, so a page costs one command whatever the stream's length; cursors are the entries' stream ids.
 */
public class RedisTaskEventHistory implements TaskEventHistory {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final TypeReference<List<Map<String, Object>>> EVENTS = new TypeReference<>() {
	};

	private final StringRedisTemplate redis;

	private final String key;

	/**
	 * Creates the reader.
	 * @param redis the Redis access
	 * @param prefix the key prefix shared by Celerity's keys
	 */
	public RedisTaskEventHistory(StringRedisTemplate redis, String prefix) {
		this.redis = redis;
		this.key = new ControlKeys(prefix).events();
	}

	@Override
	public TaskEventPage older(String before, long notBeforeMillis, int maxEntries) {
		Range<String> range = Range.of(Range.Bound.inclusive(Math.max(0, notBeforeMillis) + "-0"),
				(before != null) ? Range.Bound.exclusive(before) : Range.Bound.unbounded());
		return page(this.redis.opsForStream().reverseRange(this.key, range, Limit.limit().count(maxEntries)),
				maxEntries, true);
	}

	@Override
	public TaskEventPage newer(String after, int maxEntries) {
		Range<String> range = Range.of((after != null) ? Range.Bound.exclusive(after) : Range.Bound.unbounded(),
				Range.Bound.unbounded());
		return page(this.redis.opsForStream().range(this.key, range, Limit.limit().count(maxEntries)), maxEntries,
				false);
	}

	// newest first means the events of each entry in reverse too, since an entry holds them in the order they came
	private static TaskEventPage page(List<MapRecord<String, Object, Object>> records, int maxEntries,
			boolean newestFirst) {
		List<MapRecord<String, Object, Object>> entries = (records != null) ? records : List.of();
		List<RecordedTaskEvent> events = new ArrayList<>();
		for (MapRecord<String, Object, Object> entry : entries) {
			String cursor = entry.getId().getValue();
			Object instance = entry.getValue().get(EventStreamEntry.INSTANCE);
			Object json = entry.getValue().get(EventStreamEntry.EVENTS);
			if (json == null) {
				continue;
			}
			List<Map<String, Object>> entryEvents = MAPPER.readValue(json.toString(), EVENTS);
			String source = (instance != null) ? instance.toString() : null;
			for (int i = 0; i < entryEvents.size(); i++) {
				Map<String, Object> fields = entryEvents.get(newestFirst ? entryEvents.size() - 1 - i : i);
				events.add(new RecordedTaskEvent(cursor, source, fields));
			}
		}
		String last = entries.isEmpty() ? null : entries.get(entries.size() - 1).getId().getValue();
		return new TaskEventPage(events, last, entries.size() < maxEntries);
	}

}
