package dev.celerity.autoconfigure.celery;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Python Celery, run as the real thing: a worker of the test application {@code interop_app.py} on a queue
 * of its own, and producers ({@code interop_call.py}) that print their outcome. Absent Celery skips the tests, except
 * on CI ({@code CI=true}), where it fails them.
 */
final class PythonCelery implements AutoCloseable {

	static final String PYTHON = "/usr/bin/python3";

	private final Path appDir;

	private final Map<String, String> environment;

	private final Path log;

	private Process worker;

	private PythonCelery(Path appDir, Map<String, String> environment, Path log) {
		this.appDir = appDir;
		this.environment = environment;
		this.log = log;
	}

	/**
	 * Checks that Celery is installed, then prepares a worker and producers on fresh queues of a Redis database.
	 * @param redisUrl the Redis database both languages share
	 * @return the Python side, its worker not started yet
	 */
	static PythonCelery prepare(String redisUrl) throws IOException, InterruptedException, URISyntaxException {
		boolean installed = Files.isExecutable(Path.of(PYTHON))
				&& new ProcessBuilder(PYTHON, "-c", "import celery, redis").start().waitFor() == 0;
		if (!installed && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("Python Celery is required on CI: apt-get install python3-celery "
					+ "python3-redis");
		}
		Assumptions.assumeTrue(installed, "Debian's python3-celery and python3-redis are not installed");
		Path appDir = Path.of(PythonCelery.class.getResource("/celery/interop_app.py").toURI()).getParent();
		String run = UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> environment = Map.of("CELERY_URL", redisUrl, "PY_QUEUE", "py-" + run, "JAVA_QUEUE",
				"java-" + run, "PYTHONDONTWRITEBYTECODE", "1");
		return new PythonCelery(appDir, environment, Files.createTempFile("celery-worker", ".log"));
	}

	String pythonQueue() {
		return this.environment.get("PY_QUEUE");
	}

	String javaQueue() {
		return this.environment.get("JAVA_QUEUE");
	}

	/**
	 * Starts the Python worker on the Python queue and waits until it says it is ready.
	 */
	void startWorker() throws IOException {
		ProcessBuilder builder = builder(PYTHON, "-m", "celery", "-A", "interop_app", "worker", "-Q", pythonQueue(),
				"--pool", "threads", "--concurrency", "4", "--loglevel", "INFO", "--without-gossip",
				"--without-mingle", "-n", "py-" + pythonQueue() + "@%h");
		builder.redirectErrorStream(true).redirectOutput(this.log.toFile());
		this.worker = builder.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> workerLog().contains(" ready."));
	}

	String workerLog() throws IOException {
		return Files.readString(this.log, StandardCharsets.UTF_8);
	}

	/**
	 * Runs one scenario of {@code interop_call.py}.
	 * @param args the scenario and its arguments
	 * @return the JSON the scenario printed last
	 */
	String call(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(PYTHON, "interop_call.py"));
		command.addAll(List.of(args));
		return run(command);
	}

	/**
	 * Runs {@code celery -A interop_app} with arguments (inspect, control, events).
	 * @param args the arguments
	 * @return the output
	 */
	String celery(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(PYTHON, "-m", "celery", "-A", "interop_app"));
		command.addAll(List.of(args));
		return run(command);
	}

	/**
	 * Starts {@code celery -A interop_app} with arguments that run until stopped, such as {@code events --dump}.
	 * @param args the arguments
	 * @return the running command; closing it stops it
	 */
	Running start(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(PYTHON, "-m", "celery", "-A", "interop_app"));
		command.addAll(List.of(args));
		Path out = Files.createTempFile("celery-command", ".log");
		Process process = builder(command.toArray(String[]::new)).redirectErrorStream(true)
			.redirectOutput(out.toFile())
			.start();
		return new Running(process, out);
	}

	/**
	 * A command that runs until it is closed.
	 *
	 * @param process the process
	 * @param out the file its output goes to
	 */
	record Running(Process process, Path out) implements AutoCloseable {

		String output() throws IOException {
			return Files.readString(this.out, StandardCharsets.UTF_8);
		}

		@Override
		public void close() throws IOException, InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
			Files.deleteIfExists(this.out);
		}

	}

	private String run(List<String> command) throws IOException, InterruptedException {
		Process process = builder(command.toArray(String[]::new)).redirectErrorStream(true).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Timed out: " + command);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (process.exitValue() != 0) {
			throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n" + output);
		}
		if (command.contains("interop_call.py")) {
			String[] lines = output.split("\n");
			return lines[lines.length - 1];
		}
		return output;
	}

	private ProcessBuilder builder(String... command) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.appDir.toFile());
		builder.environment().putAll(this.environment);
		return builder;
	}

	@Override
	public void close() throws IOException {
		if (this.worker != null) {
			this.worker.destroy();
			try {
				if (!this.worker.waitFor(20, TimeUnit.SECONDS)) {
					this.worker.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Files.deleteIfExists(this.log);
	}

}
