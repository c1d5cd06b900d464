package dev.celerity.benchmarks.reliability;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The append-only file in which a worker JVM records every execution: {@code S key} when a task starts, {@code F key}
 * when it finished, {@code I key} when it was interrupted, {@code T millis} for a beat tick, {@code H millis bytes}
 * for a heap sample. Each line is one {@code write} to a file opened for appending, unbuffered, so that a line
 * written survives the JVM's SIGKILL (the operating system holds it) and lines of concurrent threads never
 * interleave.
 */
final class ExecutionLog implements AutoCloseable {

	/** A task started. */
	static final char STARTED = 'S';

	/** A task finished (returned normally). */
	static final char FINISHED = 'F';

	/** A task was interrupted before it finished (a stopping worker gave it back). */
	static final char INTERRUPTED = 'I';

	/** A beat tick ran. */
	static final char TICK = 'T';

	/** A heap sample: epoch millis and the bytes in use after a full GC. */
	static final char HEAP = 'H';

	// a stream, not a FileChannel: a channel is closed for every thread by a write from an interrupted one, and the
	// tasks of a stopping worker are interrupted
	private final FileOutputStream out;

	ExecutionLog(Path file) {
		try {
			this.out = new FileOutputStream(file.toFile(), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void record(char kind, String key) {
		byte[] line = (kind + " " + key + "\n").getBytes(StandardCharsets.UTF_8);
		try {
			this.out.write(line);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.out.close();
	}

}
