package dev.celerity.benchmarks.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The append-only file in which a worker JVM records every execution: {@code S key} when a task starts, {@code F key}
 * when it finished, {@code I key} when it was interrupted, {@code T millis} for a beat tick. Each line is one
 * {@code write} to a file opened for appending, unbuffered, so that a line written survives the JVM's SIGKILL (the
 * operating system holds it) and lines of concurrent threads never interleave.
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

	private final FileChannel channel;

	ExecutionLog(Path file) {
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void record(char kind, String key) {
		byte[] line = (kind + " " + key + "\n").getBytes(StandardCharsets.UTF_8);
		try {
			ByteBuffer buffer = ByteBuffer.wrap(line);
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
