package dev.celerity.benchmarks.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A worker JVM of the reliability suite: a Celerity application on Redis that runs {@link ReliabilityTasks} until it
 * is killed or stopped, and prints {@value #READY} once it consumes.
 *
 * <p>Usage: {@code ReliabilityWorker <redis-url> <key-prefix> <queue> <execution-log> [name=value...]}, the extra
 * arguments being Spring properties.
 */
public final class ReliabilityWorker {

	/** The line a worker prints once it runs. */
	static final String READY = "RELIABILITY-WORKER-READY";

	private ReliabilityWorker() {
	}

	/**
	 * Starts the worker.
	 * @param args Redis URL, key prefix, queue, execution log file, then extra properties
	 */
	public static void main(String[] args) {
		Map<String, Object> properties = new HashMap<>(properties(args[0], args[1], args[2]));
		properties.put("reliability.log", args[3]);
		properties.put("spring.main.keep-alive", "true");
		for (int i = 4; i < args.length; i++) {
			int equals = args[i].indexOf('=');
			properties.put(args[i].substring(0, equals), args[i].substring(equals + 1));
		}
		new SpringApplicationBuilder(WorkerApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
		System.out.println(READY);
	}

	/**
	 * The settings every JVM of the suite shares: short leases (3 s, renewed every second) so that a killed worker's
	 * messages come back quickly, a small prefetch so that both workers hold some, warnings only.
	 * @param redisUrl the Redis
	 * @param keyPrefix the run's key prefix
	 * @param queue the queue
	 * @return the properties
	 */
	static Map<String, Object> properties(String redisUrl, String keyPrefix, String queue) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("celerity.broker.type", "redis");
		properties.put("spring.data.redis.url", redisUrl);
		properties.put("celerity.redis.key-prefix", keyPrefix);
		properties.put("celerity.redis.idle-recheck", "500ms");
		properties.put("celerity.default-queue", queue);
		properties.put("celerity.worker.queues", queue);
		properties.put("celerity.worker.concurrency", "4");
		properties.put("celerity.worker.prefetch", "16");
		properties.put("celerity.worker.lease", "3s");
		properties.put("celerity.worker.fetch-wait", "200ms");
		properties.put("logging.level.root", "WARN");
		properties.put("reliability.tick", "1h");
		return properties;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WorkerApplication {

		@Bean(destroyMethod = "close")
		ExecutionLog executionLog(Environment environment) {
			return new ExecutionLog(Path.of(environment.getRequiredProperty("reliability.log")));
		}

		@Bean(destroyMethod = "close")
		@ConditionalOnProperty("reliability.heap-sample")
		HeapSampler heapSampler(ExecutionLog log, Environment environment) {
			return new HeapSampler(log, environment.getRequiredProperty("reliability.heap-sample", Duration.class));
		}

		@Bean
		ReliabilityTasks reliabilityTasks(ExecutionLog log, Environment environment) {
			return new ReliabilityTasks(log, environment.getProperty("reliability.work-millis", Long.class, 2L));
		}

	}

}
