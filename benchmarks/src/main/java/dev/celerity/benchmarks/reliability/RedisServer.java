package dev.celerity.benchmarks.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the suite's own, a child process on loopback, so that a scenario can kill and restart it. With
 * a data directory it persists to an append-only file synced on every write ({@code appendfsync always}), so that a
 * restart keeps every acknowledged write; without one it keeps nothing.
 */
final class RedisServer implements AutoCloseable {

	private final int port;

	private final Path dataDirectory;

	private Process process;

	RedisServer(int port, Path dataDirectory) {
		this.port = port;
		this.dataDirectory = dataDirectory;
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	int port() {
		return this.port;
	}

	/**
	 * Starts the server and waits until it accepts connections.
	 */
	void start() {
		List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--daemonize", "no"));
		if (this.dataDirectory != null) {
			command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always", "--dir",
					this.dataDirectory.toString()));
		}
		else {
			command.addAll(List.of("--appendonly", "no"));
		}
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start redis-server (is it on the PATH?)", ex);
		}
		Waits.until(Duration.ofSeconds(30), "redis-server on port " + this.port + " accepting connections",
				this::accepting);
	}

	/**
	 * Kills the server (SIGKILL): what its append-only file holds is what survives.
	 */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Waits.until(Duration.ofSeconds(10), "port " + this.port + " free", () -> !accepting());
	}

	/**
	 * Runs {@code redis-cli} against the server.
	 * @param arguments the command and its arguments
	 * @return what it printed, trimmed
	 */
	String cli(String... arguments) {
		List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(this.port)));
		command.addAll(List.of(arguments));
		try {
			Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			cli.waitFor(30, TimeUnit.SECONDS);
			return output.trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns one field of {@code INFO}.
	 * @param field the field, {@code used_memory} for example
	 * @return its value
	 */
	long info(String field) {
		for (String line : cli("INFO").split("\r?\n")) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.substring(field.length() + 1).trim());
			}
		}
		throw new IllegalStateException("INFO has no " + field);
	}

	boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	private boolean accepting() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
	}

}
