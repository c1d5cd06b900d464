package dev.celerity.benchmarks.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the worker JVMs' {@link ExecutionLog execution logs} say, read incrementally: how many times each key started,
 * which finished, and, per log, what started there without finishing (what that JVM had in flight).
 */
final class Executions {

	private final Map<Path, LogState> logs = new LinkedHashMap<>();

	private final Map<String, Integer> starts = new HashMap<>();

	private final Set<String> finished = new HashSet<>();

	private final List<Long> ticks = new ArrayList<>();

	private final List<String> heap = new ArrayList<>();

	synchronized void watch(Path log) {
		this.logs.putIfAbsent(log, new LogState(new LogReader(log)));
	}

	/**
	 * Reads what the logs gained since the last call (complete lines only).
	 */
	synchronized void refresh() {
		this.logs.forEach(this::read);
	}

	synchronized int finishedCount() {
		refresh();
		return this.finished.size();
	}

	synchronized Set<String> finished() {
		refresh();
		return new HashSet<>(this.finished);
	}

	synchronized Map<String, Integer> starts() {
		refresh();
		return new HashMap<>(this.starts);
	}

	/**
	 * Returns the heap samples the logs hold, {@code <epoch millis> <bytes used after a GC>} each.
	 * @return the samples, in the order read
	 */
	synchronized List<String> heapSamples() {
		refresh();
		return new ArrayList<>(this.heap);
	}

	synchronized List<Long> ticks() {
		refresh();
		return new ArrayList<>(this.ticks);
	}

	/**
	 * Returns what one log shows started and neither finished nor interrupted.
	 * @param log the log of one worker JVM
	 * @return the keys it had running
	 */
	synchronized Set<String> inFlight(Path log) {
		refresh();
		LogState state = this.logs.get(log);
		Set<String> running = new HashSet<>(state.started);
		running.removeAll(state.finished);
		running.removeAll(state.interrupted);
		return running;
	}

	synchronized Set<String> finishedIn(Path log) {
		refresh();
		return new HashSet<>(this.logs.get(log).finished);
	}

	synchronized Set<String> interruptedIn(Path log) {
		refresh();
		return new HashSet<>(this.logs.get(log).interrupted);
	}

	synchronized Set<String> startedIn(Path log) {
		refresh();
		return new HashSet<>(this.logs.get(log).started);
	}

	/**
	 * Returns the keys that started more than once, across logs.
	 * @return the keys run twice or more
	 */
	synchronized Set<String> duplicated() {
		refresh();
		Set<String> duplicated = new HashSet<>();
		this.starts.forEach((key, count) -> {
			if (count > 1) {
				duplicated.add(key);
			}
		});
		return duplicated;
	}

	/**
	 * Returns the keys that started more than once, split by whether they were in flight at a fault.
	 * @param inFlightAtFaults what the faulted processes had running at the faults
	 * @return the duplicates, split
	 */
	synchronized Duplicates duplicates(Set<String> inFlightAtFaults) {
		Set<String> inFlight = new TreeSet<>(duplicated());
		Set<String> otherwise = new TreeSet<>(inFlight);
		inFlight.retainAll(inFlightAtFaults);
		otherwise.removeAll(inFlightAtFaults);
		return new Duplicates(inFlight, otherwise);
	}

	/**
	 * The keys that ran more than once.
	 *
	 * @param inFlight those in flight in a faulted process at a fault
	 * @param otherwise the others
	 */
	record Duplicates(Set<String> inFlight, Set<String> otherwise) {

	}

	/**
	 * Returns the expected keys that no log shows finished.
	 * @param expected the keys of every acknowledged publish
	 * @return the lost keys
	 */
	synchronized Set<String> missing(Collection<String> expected) {
		refresh();
		Set<String> missing = new HashSet<>(expected);
		missing.removeAll(this.finished);
		return missing;
	}

	private void read(Path path, LogState state) {
		state.reader.read((kind, key) -> apply(state, kind, key));
	}

	private void apply(LogState state, char kind, String key) {
		switch (kind) {
			case ExecutionLog.STARTED -> {
				this.starts.merge(key, 1, Integer::sum);
				state.started.add(key);
			}
			case ExecutionLog.FINISHED -> {
				this.finished.add(key);
				state.finished.add(key);
			}
			case ExecutionLog.INTERRUPTED -> state.interrupted.add(key);
			case ExecutionLog.TICK -> this.ticks.add(Long.parseLong(key));
			case ExecutionLog.HEAP -> this.heap.add(key);
			default -> throw new IllegalStateException("Unreadable execution log line: " + kind + " " + key);
		}
	}

	private static final class LogState {

		final LogReader reader;

		final Set<String> started = new HashSet<>();

		final Set<String> finished = new HashSet<>();

		final Set<String> interrupted = new HashSet<>();

		LogState(LogReader reader) {
			this.reader = reader;
		}

	}

}
