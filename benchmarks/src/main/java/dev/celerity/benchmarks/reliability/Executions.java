package dev.celerity.benchmarks.reliability;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the worker JVMs' {@link ExecutionLog execution logs} say, read incrementally: how many times each key started,
 * which finished, and, per log, what started there without finishing (what that JVM had in flight).
 */
final class Executions {

	private final Map<Path, LogState> logs = new LinkedHashMap<>();

	private final Map<String, Integer> starts = new HashMap<>();

	private final Set<String> finished = new HashSet<>();

	private final List<Long> ticks = new ArrayList<>();

	synchronized void watch(Path log) {
		this.logs.putIfAbsent(log, new LogState());
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
		if (!Files.exists(path)) {
			return;
		}
		try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
			long length = file.length();
			if (length <= state.offset) {
				return;
			}
			byte[] bytes = new byte[(int) (length - state.offset)];
			file.seek(state.offset);
			file.readFully(bytes);
			int end = lastNewline(bytes);
			if (end < 0) {
				return;
			}
			state.offset += end + 1;
			String text = new String(bytes, 0, end + 1, StandardCharsets.UTF_8);
			for (String line : text.split("\n")) {
				if (line.length() > 2) {
					apply(state, line.charAt(0), line.substring(2));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
			default -> throw new IllegalStateException("Unreadable execution log line: " + kind + " " + key);
		}
	}

	private static int lastNewline(byte[] bytes) {
		for (int i = bytes.length - 1; i >= 0; i--) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static final class LogState {

		long offset;

		final Set<String> started = new HashSet<>();

		final Set<String> finished = new HashSet<>();

		final Set<String> interrupted = new HashSet<>();

	}

}
