package dev.celerity.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.api.RemoteError;
import dev.celerity.control.redis.RedisTaskEventStream;
import dev.celerity.events.TaskEvent;

/**
 * The dashboard over a long history: appends a million task events to the event stream (as a busy cluster's writers
 * do, many events per entry), then times the dashboard's JSON over HTTP (first page of tasks, filtered pages, a
 * task's page, the overview) and reports the dashboard JVM's heap after a GC, before and after.
 *
 * <p>Usage: {@code DashboardHistoryBenchmark [events] [redis-url]}. Use a Redis of its own: the stream of a million
 * events takes a few hundred megabytes.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class DashboardHistoryBenchmark {

	private static final List<String> NAMES = List.of("orders.process", "orders.notify", "reports.daily",
			"etl.extract", "etl.transform", "etl.load", "mail.send", "images.resize");

	private static final int ROUNDS = 21;

	/**
	 * Runs the benchmark.
	 * @param args number of events (default 1,000,000), Redis URL
	 */
	public static void main(String[] args) throws Exception {
		int events = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		String url = (args.length > 1) ? args[1] : "redis://127.0.0.1:6379";
		String prefix = "celerity-dashboard-bench-" + UUID.randomUUID().toString().substring(0, 8);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DashboardHistoryBenchmark.class)
			.properties(Map.of("celerity.broker.type", "redis", "spring.data.redis.url", url,
					"celerity.redis.key-prefix", prefix, "celerity.worker.enabled", "false",
					"celerity.dashboard.enabled", "true", "server.port", "0",
					"celerity.control.event-stream.max-length", String.valueOf(events), "logging.level.root", "WARN"))
			.run();
		StringRedisTemplate redis = new StringRedisTemplate(context.getBean(RedisConnectionFactory.class));
		try {
			long heapBefore = heapAfterGc();
			String lastTask = fill(redis, prefix, events);
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort()
					+ "/celerity/api";
			long kept = eventsIn(redis, prefix + ":events");
			System.out.printf("history: %,d events in %,d stream entries%n", kept,
					redis.opsForStream().size(prefix + ":events"));
			time("overview, first call (reads back the last hour, at most 200,000 events)", base + "/overview", 1);
			time("overview", base + "/overview", ROUNDS);
			time("tasks, first page of 50", base + "/tasks", ROUNDS);
			time("tasks, first page of FAILURE (1 task in 100)", base + "/tasks?state=FAILURE", ROUNDS);
			time("tasks, name=etl.load", base + "/tasks?name=etl.load", ROUNDS);
			time("tasks, a name that is nowhere (reads up to the scan limit, 100,000 events)",
					base + "/tasks?name=no.such.task", 5);
			time("tasks, argument search", base + "/tasks?q=customer-4242", 5);
			time("task page of the newest task", base + "/tasks/" + lastTask, ROUNDS);
			System.out.printf("dashboard heap after GC: %,d KB before the history, %,d KB after the queries%n",
					heapBefore / 1024, heapAfterGc() / 1024);
		}
		finally {
			redis.delete(prefix + ":events");
			context.close();
		}
	}

	// four events per task, appended at about the rate one writer takes them (it drops what it cannot queue)
	private static String fill(StringRedisTemplate redis, String prefix, int events) {
		RedisTaskEventStream stream = new RedisTaskEventStream(redis, prefix, events, RedisTaskEventStream.allTypes(),
				"bench@host-1-a");
		long started = System.nanoTime();
		String id = null;
		for (int task = 0; task < events / 4; task++) {
			id = "task-" + task;
			String name = NAMES.get(task % NAMES.size());
			String queue = "queue-" + (task % 3);
			stream.onEvent(new TaskEvent.TaskPublished(id, name, queue, task % 10, null));
			stream.onEvent(new TaskEvent.TaskReceived(id, name, queue, false));
			stream.onEvent(new TaskEvent.TaskStarted(id, name, queue, 0, Duration.ofMillis(task % 50),
					"[customer-" + task + ", 3]"));
			stream.onEvent((task % 100 == 7)
					? new TaskEvent.TaskFailed(id, name, queue, 0, new RemoteError("IllegalStateException", "declined",
							List.of()), Duration.ofMillis(5))
					: new TaskEvent.TaskSucceeded(id, name, queue, Duration.ofMillis(3)));
			if (task % 500 == 499) {
				// the writer's queue holds 16,384 events: let it drain before it would drop
				LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
			}
		}
		stream.close();
		System.out.printf("appended %,d events in %,d ms (%,d dropped)%n", events,
				(System.nanoTime() - started) / 1_000_000, stream.droppedCount());
		return id;
	}

	// a few entries at a time: the whole stream would not fit the benchmark's small heap
	private static long eventsIn(StringRedisTemplate redis, String key) {
		long events = 0;
		String last = null;
		while (true) {
			Range<String> range = Range.of((last != null) ? Range.Bound.exclusive(last) : Range.Bound.unbounded(),
					Range.Bound.unbounded());
			List<MapRecord<String, Object, Object>> entries = redis.opsForStream().range(key, range,
					Limit.limit().count(20));
			if (entries == null || entries.isEmpty()) {
				return events;
			}
			for (MapRecord<String, Object, Object> entry : entries) {
				events += Long.parseLong(String.valueOf(entry.getValue().get("count")));
				last = entry.getId().getValue();
			}
		}
	}

	private static void time(String what, String url, int rounds) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<Long> micros = new ArrayList<>();
		String body = "";
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			micros.add((System.nanoTime() - start) / 1_000);
			body = response.body();
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + body);
			}
		}
		List<Long> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		String scanned = body.contains("\"scanned\":") ? ", " + body.replaceAll(".*\"scanned\":(\\d+).*", "$1")
				+ " events read" : "";
		System.out.printf("%-80s first %6.1f ms, median %6.1f ms%s%n", what, micros.get(0) / 1000.0,
				sorted.get(sorted.size() / 2) / 1000.0, scanned);
	}

	private static long heapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
