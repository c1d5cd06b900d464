package dev.celerity.benchmarks.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.broker.Broker;
import dev.celerity.broker.DeadLetter;
import dev.celerity.broker.OutboundMessage;

/**
 * Bad input written straight into the broker's keys of a queue that one worker JVM consumes, between good tasks:
 * bodies that are not JSON, JSON of the wrong shape, unknown tasks, arguments that do not bind, a 10 MB body, deep
 * nesting, headers of the wrong types, ids in the ready set without a body, random bytes, and type-id fields
 * ({@code @class}, {@code @type}, wrapper arrays) naming JDK deserialisation gadgets and a canary class of the suite.
 * Expected: the worker JVM and its threads live on, every good task runs, every bad message is dead-lettered with a
 * reason naming its problem (an id without a body has nothing to dead-letter and is dropped), and the class-loading
 * log of the worker JVM shows none of the named classes.
 */
final class FuzzScenario implements Scenario {

	private static final String CANARY = FuzzCanary.class.getName();

	private static final List<String> GADGETS = List.of("com.sun.rowset.JdbcRowSetImpl",
			"com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl", "javax.management.BadAttributeValueExpException",
			"java.rmi.server.UnicastRemoteObject", "sun.rmi.server.UnicastRef", "javax.naming.InitialContext", CANARY);

	private static final int GOOD = 300;

	@Override
	public String name() {
		return "fuzz";
	}

	@Override
	public Outcome run(ReliabilityRun run) throws Exception {
		Path classLog = run.directory().resolve("fuzz-worker-classes.log");
		WorkerProcess worker = WorkerProcess.start(run, "fuzz-worker",
				List.of("-Xlog:class+load=info:file=" + classLog), List.of("reliability.work-millis=1"));
		try {
			Broker broker = run.bean(Broker.class);
			TaskTemplate tasks = run.bean(TaskTemplate.class);
			int threadsBefore = threadCount(worker);
			// what the worker loaded while starting (the framework probes for JNDI, for one) is not the messages' doing
			long startupClasses = Files.exists(classLog) ? Files.readAllLines(classLog).size() : 0;
			Map<String, Bad> bad = badMessages();
			Set<String> good = new HashSet<>();
			int round = 0;
			for (Map.Entry<String, Bad> entry : bad.entrySet()) {
				good.addAll(sendGood(tasks, broker, run.queue(), round++, GOOD / bad.size()));
				entry.getValue().write(run, broker, entry.getKey());
			}
			good.addAll(sendGood(tasks, broker, run.queue(), round, GOOD / bad.size()));
			boolean done = Waits.within(Duration.ofMinutes(3),
					() -> run.executions().missing(good).isEmpty() && deadLettered(broker, run, bad) && queueIdle(run));
			Map<String, String> reasons = broker.deadLetters(run.queue(), 1000)
				.stream()
				.collect(Collectors.toMap(DeadLetter::id, DeadLetter::reason, (a, b) -> a + " | " + b));
			List<String> unexplained = new ArrayList<>();
			StringBuilder notes = new StringBuilder();
			bad.forEach((id, message) -> {
				String reason = reasons.get(id);
				boolean ok = message.expectedWord() == null ? reason == null
						: reason != null && reason.toLowerCase(Locale.ROOT).contains(message.expectedWord());
				if (!ok) {
					unexplained.add(id);
				}
				notes.append(String.format("%s (%s): %s%s; ", id, message.what(),
						(reason != null) ? "dead-lettered: " + abbreviate(reason) : "not dead-lettered",
						ok ? "" : " [UNEXPECTED]"));
			});
			String console = worker.consoleText();
			String classes = Files.exists(classLog) ? Files.readAllLines(classLog).stream().skip(startupClasses)
				.collect(Collectors.joining("\n", "", "\n")) : "";
			List<String> loaded = GADGETS.stream().filter((name) -> classes.contains(" " + name + " ")).toList();
			boolean canary = console.contains(FuzzCanary.LOADED);
			int threadsAfter = threadCount(worker);
			boolean threadDied = console.contains("Exception in thread");
			Set<String> lostGood = run.executions().missing(good);
			Set<String> ranBad = new TreeSet<>(run.executions().starts().keySet());
			ranBad.removeIf((key) -> !key.startsWith("bad"));
			notes.append(String.format("worker JVM alive: %s; threads %d before, %d after; an uncaught exception in the "
					+ "console: %s; named classes loaded: %s (class-loading log %,d lines after start-up, canary initialised: %s); "
					+ "good tasks lost %s; bad messages that ran a task: %s; queue at the end: %s",
					worker.isAlive(), threadsBefore, threadsAfter, threadDied, loaded, classes.lines().count(), canary,
					lostGood, ranBad, run.queueState()));
			boolean passed = done && worker.isAlive() && !threadDied && loaded.isEmpty() && !canary
					&& unexplained.isEmpty() && lostGood.isEmpty();
			return new Outcome("4. Bad input fuzzed into the broker", String.format("%d bad messages of %d kinds "
					+ "between %d good tasks, 1 worker JVM", bad.size(),
					bad.values().stream().map(Bad::kind).distinct().count(), good.size()),
					"raw writes to the queue's Redis keys (message hash, ready set)", lostGood.size() + " (good)",
					"-", "-",
					passed ? String.format("yes: worker and threads alive, %d/%d bad dead-lettered with their reason, "
							+ "no named class loaded", reasons.size(), bad.values().stream()
								.filter((message) -> message.expectedWord() != null)
								.count())
							: "NO: " + unexplained + " unexplained; classes loaded " + loaded,
					notes.toString());
		}
		finally {
			worker.close();
		}
	}

	private static boolean deadLettered(Broker broker, ReliabilityRun run, Map<String, Bad> bad) {
		Set<String> ids = broker.deadLetters(run.queue(), 1000)
			.stream()
			.map(DeadLetter::id)
			.collect(Collectors.toSet());
		return bad.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().expectedWord() != null)
			.allMatch((entry) -> ids.contains(entry.getKey()));
	}

	private static boolean queueIdle(ReliabilityRun run) {
		ReliabilityRun.QueueState state = run.queueState();
		return state.ready() == 0 && state.leased() == 0 && state.bodies() == 0;
	}

	// good tasks through the template, and one written raw in the same format as the bad ones
	private static Set<String> sendGood(TaskTemplate tasks, Broker broker, String queue, int round, int count) {
		Set<String> keys = new HashSet<>();
		List<Signature<String>> signatures = new ArrayList<>();
		for (int i = 0; i < count - 1; i++) {
			String key = "g" + round + "." + i;
			signatures.add(Signature.of("rel.work", String.class, key));
			keys.add(key);
		}
		tasks.sendAll(signatures);
		String raw = "graw" + round;
		broker.publish(new OutboundMessage("id-" + raw, queue, 0, null,
				envelope("id-" + raw, "rel.work", "[\"" + raw + "\"]", "").getBytes(StandardCharsets.UTF_8)));
		keys.add(raw);
		return keys;
	}

	private static String envelope(String id, String task, String args, String more) {
		return "{\"id\":\"" + id + "\",\"task\":\"" + task + "\",\"args\":" + args + ",\"kwargs\":{},"
				+ "\"delivery\":{\"queue\":\"reliability\",\"priority\":0}" + more + "}";
	}

	private static Map<String, Bad> badMessages() {
		Map<String, Bad> bad = new LinkedHashMap<>();
		Random random = new Random(4);
		bad.put("bad-not-json", Bad.body("not JSON", "this is { not json", "unrecognized token"));
		bad.put("bad-truncated", Bad.body("not JSON", "{\"id\":\"bad-truncated\",\"task\":\"rel.work\",\"args\":[", "end-of-input"));
		bad.put("bad-array", Bad.body("wrong shape", "[1,2,3]", "from array"));
		bad.put("bad-string", Bad.body("wrong shape", "\"hello\"", "from string"));
		bad.put("bad-no-task", Bad.body("wrong shape", "{\"id\":\"bad-no-task\",\"args\":[\"badnt\"]}", "no task"));
		bad.put("bad-args-object", Bad.body("wrong shape",
				"{\"id\":\"bad-args-object\",\"task\":\"rel.work\",\"args\":{\"a\":1}}", "at args"));
		bad.put("bad-unknown", Bad.body("unknown task", envelope("bad-unknown", "rel.nope", "[\"badu\"]", ""),
				"unknown task 'rel.nope'"));
		bad.put("bad-task-class", Bad.body("unknown task", envelope("bad-task-class", CANARY, "[]", ""),
				"unknown task"));
		bad.put("bad-bind-type", Bad.body("unbindable arguments",
				envelope("bad-bind-type", "rel.slow", "[\"badbt\",\"not-a-number\"]", ""), "argument"));
		bad.put("bad-bind-count", Bad.body("unbindable arguments",
				envelope("bad-bind-count", "rel.work", "[\"a\",\"b\",\"c\"]", ""), "argument"));
		bad.put("bad-bind-object", Bad.body("unbindable arguments",
				envelope("bad-bind-object", "rel.work", "[{\"a\":1}]", ""), "argument"));
		bad.put("bad-10mb", Bad.body("10 MB body",
				envelope("bad-10mb", "rel.work", "[\"" + "x".repeat(10 * 1024 * 1024) + "\"]", ""), "celerity.message.max-size"));
		bad.put("bad-deep", Bad.body("deep nesting",
				envelope("bad-deep", "rel.anything", "[\"baddeep\"," + "[".repeat(100_000) + "]".repeat(100_000) + "]",
						""), "nesting depth"));
		bad.put("bad-header-retries", Bad.body("wrong header types",
				envelope("bad-header-retries", "rel.work", "[\"badhr\"]", ",\"headers\":{\"retries\":\"many\"}"),
				"at headers.retries"));
		bad.put("bad-header-eta", Bad.body("wrong header types",
				envelope("bad-header-eta", "rel.work", "[\"badhe\"]", ",\"headers\":{\"eta\":{\"when\":1}}"), "at headers.eta"));
		bad.put("bad-header-extra", Bad.body("wrong header types",
				envelope("bad-header-extra", "rel.work", "[\"badhx\"]", ",\"headers\":{\"extra\":[1,2]}"), "at headers.extra"));
		bad.put("bad-headers-string", Bad.body("wrong header types",
				envelope("bad-headers-string", "rel.work", "[\"badhs\"]", ",\"headers\":\"all of them\""), "messageheaders"));
		bad.put("bad-no-body-1", Bad.withoutBody());
		bad.put("bad-no-body-2", Bad.withoutBody());
		byte[] noise = new byte[4096];
		random.nextBytes(noise);
		bad.put("bad-random", new Bad("random bytes", noise, "utf-8", false));
		bad.put("bad-gadget-class", Bad.body("type id naming a gadget", "{\"@class\":\"com.sun.rowset.JdbcRowSetImpl\","
				+ "\"dataSourceName\":\"ldap://127.0.0.1:1/x\",\"autoCommit\":true}", "'@class' refused"));
		bad.put("bad-gadget-envelope", Bad.body("type id naming a gadget", envelope("bad-gadget-envelope", "rel.work",
				"[\"badge\"]", ",\"@class\":\"" + CANARY + "\""), "'@class' refused"));
		bad.put("bad-gadget-headers", Bad.body("type id naming a gadget", envelope("bad-gadget-headers", "rel.work",
				"[\"badgh\"]", ",\"headers\":[\"" + CANARY + "\",{\"retries\":0}]"), "at headers"));
		bad.put("bad-gadget-embed", Bad.body("type id naming a gadget", envelope("bad-gadget-embed", "rel.work",
				"[\"badgm\"]", ",\"embed\":{\"@type\":\"" + CANARY + "\",\"callbacks\":[[\""
						+ "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl\",{}]]}"), "at embed"));
		bad.put("bad-gadget-arg", Bad.body("type id naming a gadget", envelope("bad-gadget-arg", "rel.work",
				"[[\"javax.management.BadAttributeValueExpException\",{\"val\":1}]]", ""), "argument"));
		// bound to Object: data, never a type; runs with a map and a list, naming no class that is loaded
		bad.put("bad-gadget-object-arg", new Bad("type id naming a gadget", envelope("bad-gadget-object-arg",
				"rel.anything", "[\"badgo\",{\"@class\":\"" + CANARY + "\",\"@type\":\"sun.rmi.server.UnicastRef\"}]",
				"").getBytes(StandardCharsets.UTF_8), null, false));
		bad.put("bad-gadget-wrapper-arg", new Bad("type id naming a gadget", envelope("bad-gadget-wrapper-arg",
				"rel.anything", "[\"badgw\",[\"java.rmi.server.UnicastRemoteObject\",{\"port\":1}]]", "")
					.getBytes(StandardCharsets.UTF_8), null, false));
		return bad;
	}

	private static String abbreviate(String reason) {
		return (reason.length() > 220) ? reason.substring(0, 220) + "…" : reason;
	}

	private static int threadCount(WorkerProcess worker) throws Exception {
		Process jcmd = new ProcessBuilder("jcmd", Long.toString(worker.pid()), "Thread.print").redirectErrorStream(true)
			.start();
		String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		jcmd.waitFor();
		return (int) dump.lines().filter((line) -> line.startsWith("\"")).count();
	}

	/**
	 * One bad message.
	 *
	 * @param kind its kind, for the table
	 * @param body its body, {@code null} for an id without one
	 * @param expectedWord a word its dead-letter reason must contain (lower case), {@code null} if it must not be
	 * dead-lettered
	 * @param idOnly whether only its id is written to the ready set
	 */
	private record Bad(String kind, byte[] body, String expectedWord, boolean idOnly) {

		static Bad body(String kind, String body, String expectedWord) {
			return new Bad(kind, body.getBytes(StandardCharsets.UTF_8), expectedWord, false);
		}

		static Bad withoutBody() {
			return new Bad("ids without bodies", null, null, true);
		}

		String what() {
			return this.kind;
		}

		void write(ReliabilityRun run, Broker broker, String id) {
			if (this.idOnly) {
				// the score of a ready message of priority 0 (see queueOrder.lua), far behind any published one
				run.redis().cli("ZADD", run.queueKeys().ready(), "5348024557502464", id);
				run.redis().cli("ZADD", run.queueKeys().wake(), "0", "fuzz");
			}
			else {
				broker.publish(new OutboundMessage(id, run.queue(), 0, null, this.body));
			}
		}

	}

}
