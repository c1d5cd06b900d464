package dev.celerity.samples.orders.dashboard;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.TaskOptions;
import dev.celerity.api.TaskTemplate;
import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.ratelimit.RateLimits;
import dev.celerity.samples.orders.Order;
import dev.celerity.samples.orders.OrderPipelineApplication;
import dev.celerity.samples.orders.OrderTasks;
import dev.celerity.samples.orders.etl.SalesEtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard end to end in Debian's headless Chromium: two instances of the sample on Redis (an operator's with
 * write actions, a viewer's read-only one), real tasks of every kind, then {@code src/test/browser/dashboard.test.mjs}
 * (playwright-core) checks every page, the filters, each write action and the viewer's 403, and saves a screenshot
 * of each page into {@code target/dashboard-screenshots} (or the directory {@code -Ddashboard.screenshots} names).
 * Without Node.js or Chromium the test is skipped, unless {@code CI=true}.
 */
class DashboardBrowserTests {

	private static final Path BROWSER_DIR = Path.of("src/test/browser");

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final String PREFIX = "dashboard-test-" + UUID.randomUUID().toString().substring(0, 8);

	private static ConfigurableApplicationContext operator;

	private static ConfigurableApplicationContext viewer;

	@BeforeAll
	static void start() throws Exception {
		requireBrowserTools();
		operator = application(false);
		viewer = application(true);
	}

	@AfterAll
	static void stop() {
		if (operator != null) {
			StringRedisTemplate redis = new StringRedisTemplate(
					operator.getBean(org.springframework.data.redis.connection.RedisConnectionFactory.class));
			viewer.close();
			Set<String> keys = redis.keys(PREFIX + "*");
			if (keys != null && !keys.isEmpty()) {
				redis.delete(keys);
			}
			operator.close();
		}
	}

	@Test
	void everyPageShowsTheClusterAndEveryWriteActionTakesEffect() throws Exception {
		Map<String, Object> scenario = runTasks();
		Path file = Files.createTempFile("dashboard-scenario", ".json");
		Files.writeString(file, JsonMapper.builder().build().writeValueAsString(scenario));
		// its output is copied line by line: the forked test JVM's own streams must not be written to directly
		ProcessBuilder node = new ProcessBuilder("node", "dashboard.test.mjs").directory(BROWSER_DIR.toFile())
			.redirectErrorStream(true);
		node.environment().put("OPERATOR_URL", url(operator));
		node.environment().put("VIEWER_URL", url(viewer));
		node.environment().put("SCENARIO", file.toString());
		// into the build directory unless -Ddashboard.screenshots names another (../../docs/dashboard refreshes README's)
		node.environment().put("SCREENSHOTS", Path.of(System.getProperty("dashboard.screenshots",
				"target/dashboard-screenshots")).toAbsolutePath().normalize().toString());
		Process process = node.start();
		try (java.io.BufferedReader output = process.inputReader()) {
			output.lines().forEach(System.out::println);
		}
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("browser test finished in time").isTrue();
		assertThat(process.exitValue()).as("browser test exit code (its output is above)").isZero();
		// what the browser changed, seen by both instances
		for (ConfigurableApplicationContext instance : List.of(operator, viewer)) {
			assertThat(instance.getBean(RateLimits.class).limitOf("orders.notify")).hasValueSatisfying(
					(limit) -> assertThat(limit.toString()).isEqualTo("20/s"));
		}
		ResultBackend results = operator.getBean(ResultBackend.class);
		assertThat(results.find((String) scenario.get("pending"))).hasValueSatisfying(
				(state) -> assertThat(state.state()).isEqualTo("REVOKED"));
		assertThat(operator.getBean(Broker.class).depth("high")).isZero();
	}

	private static Map<String, Object> runTasks() {
		TaskTemplate tasks = operator.getBean(TaskTemplate.class);
		Map<String, Object> scenario = new LinkedHashMap<>();
		AsyncResult<?> success = tasks.task(OrderTasks::process)
			.delay(new Order("order-ok", "ada@example.com", List.of(new Order.Item("book", 1)), new BigDecimal("12.00"),
					false));
		AsyncResult<?> failure = tasks.task(OrderTasks::process)
			.delay(new Order("order-declined", "declined@example.com", List.of(new Order.Item("lamp", 1)),
					new BigDecimal("40.00"), false));
		AsyncResult<Long> chord = operator.getBean(SalesEtl.class)
			.totalRevenue(List.of(List.of("book", 2, 1500), List.of("lamp", 1, 4000), List.of("desk", 1, 20000)), 1);
		AsyncResult<Object> deadLetter = tasks.send("orders.retired", "order-7");
		AsyncResult<?> pending = tasks.task(OrderTasks::notifyCustomer)
			.applyAsync("later@example.com", "order-later", TaskOptions.none().withCountdown(Duration.ofHours(1)));
		List<String> purged = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			purged.add(tasks.task(OrderTasks::notifyCustomer)
				.applyAsync("vip@example.com", "order-vip-" + i,
						TaskOptions.none().withQueue("high").withCountdown(Duration.ofHours(1)))
				.id());
		}
		assertThat(chord.get(WAIT)).isEqualTo(2 * 1500 + 4000 + 20000);
		await().atMost(WAIT).until(() -> success.ready() && failure.ready());
		await().atMost(WAIT).until(() -> operator.getBean(Broker.class).deadLetters("default", 10).size() == 1);
		// a backlog the rate limit (5/s) holds back: deferred, then run over the next seconds
		for (int i = 0; i < 150; i++) {
			tasks.task(OrderTasks::notifyCustomer).delay("crowd-" + i + "@example.com", "order-crowd-" + i);
		}
		scenario.put("success", success.id());
		scenario.put("failure", failure.id());
		scenario.put("chord", chord.id());
		scenario.put("deadLetter", deadLetter.id());
		scenario.put("pending", pending.id());
		scenario.put("purged", purged);
		scenario.put("operatorInstance", instanceId(operator));
		scenario.put("viewerInstance", instanceId(viewer));
		return scenario;
	}

	private static ConfigurableApplicationContext application(boolean readOnly) {
		String redis = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
		return new SpringApplicationBuilder(OrderPipelineApplication.class).profiles("redis")
			.run("--server.port=0", "--spring.data.redis.url=" + redis, "--celerity.redis.key-prefix=" + PREFIX,
					"--celerity.dashboard.read-only=" + readOnly, "--celerity.dashboard.history.live-interval=500ms",
					"--celerity.control.heartbeat.interval=1s");
	}

	private static String instanceId(ConfigurableApplicationContext context) {
		return context.getBean(dev.celerity.control.InstanceIdentity.class).id();
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static void requireBrowserTools() throws IOException, InterruptedException {
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		List<String> missing = new ArrayList<>();
		if (!new File("/usr/bin/chromium").canExecute()) {
			missing.add("Chromium at /usr/bin/chromium (apt-get install -y chromium)");
		}
		if (!runs("node", "--version")) {
			missing.add("Node.js");
		}
		else if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))
				&& !(runs("npm", "ci", "--no-audit", "--no-fund")
						&& Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core")))) {
			missing.add("playwright-core (npm ci in " + BROWSER_DIR + ")");
		}
		if (!missing.isEmpty()) {
			String message = "The dashboard's browser test needs " + String.join(", ", missing);
			if (ci) {
				throw new IllegalStateException(message + " (CI=true: a missing browser is a failure)");
			}
			Assumptions.abort(message);
		}
	}

	private static boolean runs(String... command) throws InterruptedException {
		try {
			Process process = new ProcessBuilder(command).directory(BROWSER_DIR.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
