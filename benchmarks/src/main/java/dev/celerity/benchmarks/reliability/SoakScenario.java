package dev.celerity.benchmarks.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;

/**
 * A long run through one worker JVM: plain tasks sent in batches, the backlog held under 20,000, results kept 20 s.
 * The worker samples its heap after a full GC every 5 s. Expected: nothing lost or run twice, the heap after GC
 * flat from the first quarter of the run to the last, and once the results expired, Redis back to its keys and
 * memory of before the run (but for the event stream, capped rather than expired, and the queue's sequence counter),
 * with no lease or body left.
 *
 * <p>Executions are tracked in bit sets by task number rather than by key, so that a million of them fit in the
 * suite's heap.
 */
final class SoakScenario implements Scenario {

	private static final Duration RESULT_TIME_TO_LIVE = Duration.ofSeconds(20);

	private static final int BATCH = 500;

	private static final int BACKLOG = 20_000;

	private final int tasks;

	SoakScenario(int tasks) {
		this.tasks = tasks;
	}

	@Override
	public String name() {
		return "soak";
	}

	@Override
	public Outcome run(ReliabilityRun run) throws Exception {
		WorkerProcess worker = WorkerProcess.start(run, "soak-worker", List.of(),
				List.of("reliability.work-millis=0", "celerity.result.time-to-live=" + RESULT_TIME_TO_LIVE.toSeconds()
						+ "s", "reliability.heap-sample=5s", "celerity.worker.prefetch=64"));
		try {
			TaskTemplate template = run.bean(TaskTemplate.class);
			Tally tally = new Tally(new LogReader(worker.executionLog()), this.tasks);
			Set<String> baselineKeys = keys(run);
			long baselineMemory = run.redis().info("used_memory");
			BitSet sent = new BitSet(this.tasks);
			long start = System.nanoTime();
			long loadStart = System.currentTimeMillis();
			for (int first = 0; first < this.tasks; first += BATCH) {
				if ((first / BATCH) % 10 == 0) {
					int next = first;
					Waits.until(Duration.ofMinutes(5), "the backlog to drain",
							() -> next - tally.finished() < BACKLOG);
				}
				List<Signature<String>> batch = new ArrayList<>(BATCH);
				int last = Math.min(this.tasks, first + BATCH);
				for (int i = first; i < last; i++) {
					batch.add(Signature.of("rel.work", String.class, "s" + i));
				}
				template.sendAll(batch);
				sent.set(first, last);
			}
			boolean done = Waits.within(Duration.ofMinutes(10),
					() -> tally.finished() >= sent.cardinality() && run.queueState().empty());
			double seconds = (System.nanoTime() - start) / 1e9;
			long loadEnd = System.currentTimeMillis();
			ReliabilityRun.QueueState queue = run.queueState();
			// the results expire after their time to live; Redis drops expired keys lazily and in its active cycle
			Waits.within(RESULT_TIME_TO_LIVE.plusSeconds(60), () -> keys(run).size() <= baselineKeys.size() + 1);
			Set<String> endKeys = keys(run);
			long endMemory = run.redis().info("used_memory");
			String events = new dev.celerity.redis.RedisKeys(run.keyPrefix()).key("events");
			long eventMemory = parseLong(run.redis().cli("MEMORY", "USAGE", events));
			Set<String> added = new TreeSet<>(endKeys);
			added.removeAll(baselineKeys);
			Set<String> removed = new TreeSet<>(baselineKeys);
			removed.removeAll(endKeys);
			BitSet lost = (BitSet) sent.clone();
			lost.andNot(tally.finishedSet());
			List<long[]> allSamples = tally.heap();
			String heapText = heapSummary(allSamples, loadStart, loadEnd);
			// flatness is judged on the samples taken while the load ran
			List<long[]> heap = allSamples.stream().filter((sample) -> sample[0] >= loadStart && sample[0] <= loadEnd)
				.toList();
			boolean heapFlat = heapFlat(heap);
			// what a run leaves by design: the event stream (capped) and the queue's sequence counter (one number)
			boolean keysBack = added.stream().allMatch((key) -> key.equals(events) || key.endsWith(":sequence"));
			String notes = String.format("%,d tasks in %.0f s (%,.0f/s); heap after GC (time s: MB) %s; Redis keys "
					+ "%d before, %d after (added %s, gone %s); used_memory %.1f MB before, %.1f MB after, of which "
					+ "the event stream (capped at about 10,000 entries) %.1f MB; queue at the end %s; lost %s; run "
					+ "twice %d", sent.cardinality(), seconds, sent.cardinality() / seconds, heapText,
					baselineKeys.size(), endKeys.size(), added, removed, baselineMemory / 1e6, endMemory / 1e6,
					eventMemory / 1e6, queue, lost.cardinality(), tally.twice());
			boolean recovered = done && heapFlat && keysBack && queue.empty();
			return new Outcome("6. Soak", String.format("%,d plain tasks, 1 worker JVM (-Xmx256m), result TTL 20 s",
					sent.cardinality()), "none (time)", Integer.toString(lost.cardinality()), "-",
					Integer.toString(tally.twice()),
					recovered ? String.format("yes: heap after GC flat (%s), Redis back to %d keys and %.1f MB "
							+ "(%.1f MB before; event stream %.1f MB), no lease or body left; %.0f s",
							heapEnds(heap), endKeys.size(), endMemory / 1e6, baselineMemory / 1e6, eventMemory / 1e6,
							seconds) : "NO: see details",
					notes);
		}
		finally {
			worker.close();
		}
	}

	private static Set<String> keys(ReliabilityRun run) {
		String out = run.redis().cli("--scan", "--pattern", run.keyPrefix() + "*");
		Set<String> keys = new HashSet<>(Arrays.asList(out.split("\n")));
		keys.remove("");
		return keys;
	}

	private static long parseLong(String text) {
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	// seconds from the start of the load: MB, with the load's end marked
	private static String heapSummary(List<long[]> heap, long loadStart, long loadEnd) {
		StringBuilder text = new StringBuilder();
		boolean ended = false;
		for (long[] sample : heap) {
			if (!ended && sample[0] > loadEnd) {
				text.append("(load done) ");
				ended = true;
			}
			text.append(String.format("%d: %.1f, ", (sample[0] - loadStart) / 1000, sample[1] / 1e6));
		}
		return text.toString();
	}

	// flat: the mean of the last quarter's samples within 10 % (or 5 MB) of the first quarter's
	private static boolean heapFlat(List<long[]> heap) {
		if (heap.size() < 8) {
			return false;
		}
		double[] ends = quarterMeans(heap);
		return ends[1] - ends[0] < Math.max(5e6, ends[0] * 0.10);
	}

	private static String heapEnds(List<long[]> heap) {
		double[] ends = quarterMeans(heap);
		return String.format("%.1f MB in the first quarter of the load, %.1f MB in the last, %d samples", ends[0] / 1e6,
				ends[1] / 1e6, heap.size());
	}

	private static double[] quarterMeans(List<long[]> heap) {
		int quarter = Math.max(1, heap.size() / 4);
		List<long[]> first = heap.subList(0, Math.min(heap.size(), quarter));
		List<long[]> last = heap.subList(heap.size() - quarter, heap.size());
		return new double[] { first.stream().mapToLong((s) -> s[1]).average().orElse(0),
				last.stream().mapToLong((s) -> s[1]).average().orElse(0) };
	}

	/**
	 * What the worker's execution log shows, by task number.
	 */
	private static final class Tally {

		private final LogReader reader;

		private final BitSet started;

		private final BitSet finished;

		private final List<long[]> heap = new ArrayList<>();

		private int twice;

		Tally(LogReader reader, int tasks) {
			this.reader = reader;
			this.started = new BitSet(tasks);
			this.finished = new BitSet(tasks);
		}

		synchronized int finished() {
			this.reader.read(this::apply);
			return this.finished.cardinality();
		}

		synchronized BitSet finishedSet() {
			finished();
			return (BitSet) this.finished.clone();
		}

		synchronized int twice() {
			finished();
			return this.twice;
		}

		synchronized List<long[]> heap() {
			finished();
			return new ArrayList<>(this.heap);
		}

		private void apply(char kind, String key) {
			switch (kind) {
				case ExecutionLog.STARTED -> {
					int task = Integer.parseInt(key.substring(1));
					if (this.started.get(task)) {
						this.twice++;
					}
					this.started.set(task);
				}
				case ExecutionLog.FINISHED -> this.finished.set(Integer.parseInt(key.substring(1)));
				case ExecutionLog.HEAP -> {
					String[] parts = key.split(" ");
					this.heap.add(new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) });
				}
				default -> {
				}
			}
		}

	}

}
