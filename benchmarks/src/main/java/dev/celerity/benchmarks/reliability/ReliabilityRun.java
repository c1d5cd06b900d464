package dev.celerity.benchmarks.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.celerity.broker.redis.RedisBrokerKeys;
import dev.celerity.redis.RedisKeys;

/**
 * One scenario's run: its Redis, key prefix, queue and directory, the execution logs of its worker JVMs, and the
 * producing application (a Celerity client in this JVM, no worker, no beat).
 */
final class ReliabilityRun implements AutoCloseable {

	private final RedisServer redis;

	private final Path directory;

	private final String keyPrefix = "rel-" + UUID.randomUUID().toString().substring(0, 8);

	private final String queue = "reliability";

	private final Executions executions = new Executions();

	private ConfigurableApplicationContext client;

	ReliabilityRun(RedisServer redis, Path directory) {
		this.redis = redis;
		this.directory = directory;
	}

	RedisServer redis() {
		return this.redis;
	}

	Path directory() {
		return this.directory;
	}

	String keyPrefix() {
		return this.keyPrefix;
	}

	String queue() {
		return this.queue;
	}

	Executions executions() {
		return this.executions;
	}

	/**
	 * Returns the producing application, started on first use.
	 * @param extraProperties further properties, used only by the first call
	 * @return the application
	 */
	synchronized ConfigurableApplicationContext client(Map<String, Object> extraProperties) {
		if (this.client == null) {
			Map<String, Object> properties = ReliabilityWorker.properties(this.redis.url(), this.keyPrefix, this.queue);
			properties.put("celerity.worker.enabled", "false");
			properties.put("celerity.beat.enabled", "false");
			properties.putAll(extraProperties);
			this.client = new SpringApplicationBuilder(ClientApplication.class).web(WebApplicationType.NONE)
				.properties(properties)
				.run();
		}
		return this.client;
	}

	ConfigurableApplicationContext client() {
		return client(Map.of());
	}

	<T> T bean(Class<T> type) {
		return client().getBean(type);
	}

	/**
	 * Returns the queue's broker keys.
	 * @return the keys
	 */
	RedisBrokerKeys.QueueKeys queueKeys() {
		return new RedisBrokerKeys(this.keyPrefix).queue(this.queue);
	}

	/**
	 * Counts what the queue holds: ready, delayed, leased messages and stored bodies.
	 * @return the counts
	 */
	QueueState queueState() {
		RedisBrokerKeys.QueueKeys keys = queueKeys();
		try (RedisConnection connection = bean(RedisConnectionFactory.class).getConnection()) {
			return new QueueState(connection.zSetCommands().zCard(bytes(keys.ready())),
					connection.zSetCommands().zCard(bytes(keys.delayed())),
					connection.zSetCommands().zCard(bytes(keys.leases())),
					connection.hashCommands().hLen(bytes(keys.messages())));
		}
	}

	/**
	 * Waits until every expected execution finished and the queue holds nothing.
	 * @param expected the keys of every acknowledged publish
	 * @param timeout the longest wait
	 * @return whether that happened in time
	 */
	boolean awaitDone(Collection<String> expected, Duration timeout) {
		return Waits.within(timeout, () -> this.executions.missing(expected).isEmpty() && queueState().empty());
	}

	/**
	 * Returns when the newest entry of the task event stream was appended, from its id.
	 * @return epoch millis, or 0 when the stream is empty
	 */
	long lastEventMillis() {
		String key = new RedisKeys(this.keyPrefix).key("events");
		String last = this.redis.cli("XREVRANGE", key, "+", "-", "COUNT", "1");
		if (last.isEmpty()) {
			return 0;
		}
		String id = last.lines().findFirst().orElse("").replaceAll("^\\d+\\)\\s*", "").trim();
		return Long.parseLong(id.substring(0, id.indexOf('-')));
	}

	/**
	 * Returns what the workers' logs show running now (started, neither finished nor interrupted).
	 * @param workers the worker JVMs
	 * @return the keys in flight
	 */
	Set<String> inFlight(WorkerProcess... workers) {
		Set<String> running = new HashSet<>();
		for (WorkerProcess worker : workers) {
			running.addAll(this.executions.inFlight(worker.executionLog()));
		}
		return running;
	}

	static byte[] bytes(String value) {
		return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	/**
	 * What a queue holds.
	 *
	 * @param ready ready messages
	 * @param delayed delayed messages
	 * @param leased leased messages
	 * @param bodies stored bodies (pending or running messages)
	 */
	record QueueState(long ready, long delayed, long leased, long bodies) {

		boolean empty() {
			return this.ready == 0 && this.delayed == 0 && this.leased == 0 && this.bodies == 0;
		}

		@Override
		public String toString() {
			return "ready " + this.ready + ", delayed " + this.delayed + ", leased " + this.leased + ", bodies "
					+ this.bodies;
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ClientApplication {

	}

}
