package dev.celerity.testing.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.awaitility.Awaitility.await;

/**
 * A redis-server of a test's own, on a free loopback port, for tests that kill its connections, stop it or configure
 * it (ACL users, TLS): never the shared Redis of the other tests. Connection factories made here are tuned as
 * Celerity's auto-configuration tunes Lettuce: commands are rejected while disconnected, and reconnects come within
 * 20 ms to 1 s.
 */
public final class OwnRedisServer implements AutoCloseable {

	private final int port;

	private final List<String> arguments;

	private final boolean tls;

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	private final List<ClientResources> resources = new ArrayList<>();

	private Process process;

	/**
	 * Creates a server, not yet started.
	 * @param arguments further redis-server arguments ({@code --requirepass}, {@code --tls-port} ...)
	 */
	public OwnRedisServer(String... arguments) {
		this(false, List.of(arguments));
	}

	private OwnRedisServer(boolean tls, List<String> arguments) {
		this.port = freePort();
		this.tls = tls;
		this.arguments = arguments;
	}

	/**
	 * Creates a server that accepts TLS connections only, on its port.
	 * @param certificate the server's certificate (PEM)
	 * @param key its private key (PEM)
	 * @param arguments further redis-server arguments
	 * @return the server, not yet started
	 */
	public static OwnRedisServer withTls(java.nio.file.Path certificate, java.nio.file.Path key, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--tls-cert-file", certificate.toString(), "--tls-key-file",
				key.toString(), "--tls-auth-clients", "no"));
		all.addAll(List.of(arguments));
		return new OwnRedisServer(true, all);
	}

	/**
	 * Returns the port it listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Starts the server and waits until it accepts connections.
	 * @return this server
	 */
	public OwnRedisServer start() {
		List<String> command = new ArrayList<>(List.of("redis-server", "--bind", "127.0.0.1", "--save", "",
				"--appendonly", "no"));
		command.addAll(this.tls ? List.of("--port", "0", "--tls-port", Integer.toString(this.port))
				: List.of("--port", Integer.toString(this.port)));
		command.addAll(this.arguments);
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start redis-server", ex);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> accepts(this.port));
		return this;
	}

	/**
	 * Runs {@code redis-cli} against the server.
	 * @param arguments the command and its arguments, preceded by any redis-cli options
	 * @return what it printed
	 */
	public String cli(String... arguments) {
		List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(this.port)));
		command.addAll(List.of(arguments));
		try {
			Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(cli.getInputStream().readAllBytes());
			if (!cli.waitFor(10, TimeUnit.SECONDS) || cli.exitValue() != 0) {
				throw new IllegalStateException("redis-cli " + arguments[0] + " failed: " + output);
			}
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
	 * Closes every client connection of a type ({@code normal}, {@code pubsub}) at once, as an operator's
	 * {@code CLIENT KILL TYPE} or a network blip would.
	 * @param type the client type
	 */
	public void killClients(String type) {
		cli("CLIENT", "KILL", "TYPE", type);
	}

	/**
	 * Returns a started connection factory for this server, tuned as Celerity tunes Lettuce; closed with the server.
	 * @return the factory
	 */
	public synchronized LettuceConnectionFactory connectionFactory() {
		ClientResources clientResources = ClientResources.builder()
			.reconnectDelay(Delay.exponential(Duration.ofMillis(20), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
			.build();
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.clientResources(clientResources)
			.clientOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.build())
			.commandTimeout(Duration.ofSeconds(10))
			.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port), client);
		factory.afterPropertiesSet();
		factory.start();
		this.factories.add(factory);
		this.resources.add(clientResources);
		return factory;
	}

	@Override
	public synchronized void close() {
		this.factories.forEach(LettuceConnectionFactory::destroy);
		this.resources.forEach(ClientResources::shutdown);
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
