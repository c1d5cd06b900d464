package dev.celerity.benchmarks.reliability;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Reads an {@link ExecutionLog} incrementally: each call hands over the complete lines written since the last one,
 * as kind and key.
 */
final class LogReader {

	private static final int CHUNK = 8 * 1024 * 1024;

	private final Path path;

	private long offset;

	LogReader(Path path) {
		this.path = path;
	}

	/**
	 * Hands the lines completed since the last call to a consumer.
	 * @param consumer takes each line's kind and key
	 */
	void read(BiConsumer<Character, String> consumer) {
		if (!Files.exists(this.path)) {
			return;
		}
		try (RandomAccessFile file = new RandomAccessFile(this.path.toFile(), "r")) {
			long length = file.length();
			while (length > this.offset) {
				byte[] bytes = new byte[(int) Math.min(CHUNK, length - this.offset)];
				file.seek(this.offset);
				file.readFully(bytes);
				int end = lastNewline(bytes);
				if (end < 0) {
					return;
				}
				this.offset += end + 1;
				String text = new String(bytes, 0, end + 1, StandardCharsets.UTF_8);
				for (String line : text.split("\n")) {
					if (line.length() > 2) {
						consumer.accept(line.charAt(0), line.substring(2));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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

}
