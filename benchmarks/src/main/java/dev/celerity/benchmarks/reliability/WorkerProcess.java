package dev.celerity.benchmarks.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ReliabilityWorker} in a JVM of its own, on the suite's classpath, with its execution log and its console
 * output in the run's directory.
 */
final class WorkerProcess implements AutoCloseable {

	private final String name;

	private final Path executionLog;

	private final Path console;

	private final Process process;

	private WorkerProcess(String name, Path executionLog, Path console, Process process) {
		this.name = name;
		this.executionLog = executionLog;
		this.console = console;
		this.process = process;
	}

	/**
	 * Starts a worker JVM and waits until it consumes.
	 * @param run the run it works for
	 * @param name its name, for its files
	 * @param jvmOptions options of the JVM
	 * @param properties further Spring properties ({@code name=value})
	 * @return the running worker
	 */
	static WorkerProcess start(ReliabilityRun run, String name, List<String> jvmOptions, List<String> properties) {
		Path log = run.directory().resolve(name + ".executions");
		Path console = run.directory().resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReliabilityWorker.class.getName(),
				run.redis().url(), run.keyPrefix(), run.queue(), log.toString()));
		command.addAll(properties);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(console.toFile())
				.start();
			WorkerProcess worker = new WorkerProcess(name, log, console, process);
			run.executions().watch(log);
			Waits.until(Duration.ofSeconds(120), name + " ready", () -> {
				if (!process.isAlive()) {
					throw new IllegalStateException(name + " exited at start-up: see " + console);
				}
				return worker.consoleText().contains(ReliabilityWorker.READY);
			});
			return worker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String name() {
		return this.name;
	}

	Path executionLog() {
		return this.executionLog;
	}

	Path console() {
		return this.console;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	String consoleText() {
		try {
			return Files.exists(this.console) ? Files.readString(this.console, StandardCharsets.ISO_8859_1) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Kills the JVM with SIGKILL and waits until it is gone.
	 */
	void kill() {
		this.process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/**
	 * Sends SIGTERM, as Kubernetes stops a pod: the JVM runs its shutdown hooks and Spring stops the worker.
	 */
	void terminate() {
		this.process.destroy();
	}

	/**
	 * Waits for the JVM to exit.
	 * @param timeout the longest wait
	 * @return whether it exited in time
	 */
	boolean awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

}
