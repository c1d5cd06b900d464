package dev.celerity.autoconfigure.redis;

import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.core.env.Environment;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.canvas.CanvasAutoConfiguration;

/**
 * The worker process the crash test starts and kills: a Celerity application on Redis that runs
 * {@link CrashTestTasks} (and continues workflows) until it is killed.
 */
public final class CrashTestWorker {

	private CrashTestWorker() {
	}

	/**
	 * Starts the worker and marks it ready in Redis.
	 * @param args Redis URL, key prefix, queue, instance name
	 */
	public static void main(String[] args) {
		// the worker's threads are daemons: keep-alive holds the process until it is killed
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkerApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties(args[0], args[1], args[2], args[3]))
			.properties("spring.main.keep-alive=true")
			.run();
		try (RedisConnection connection = context.getBean(RedisConnectionFactory.class).getConnection()) {
			connection.stringCommands()
				.set(CrashTestTasks.bytes(CrashTestTasks.readyKey(args[1], args[3])), CrashTestTasks.bytes("1"));
		}
	}

	// a short lease brings the killed worker's messages back quickly; 3 s (renewed every second) keeps a loaded CI
	// machine's scheduling stalls from expiring the survivor's own leases; a prefetch of 2 (not the default 64)
	// spreads the jobs over both workers, so the one that is killed or stopped always holds some
	static Map<String, Object> properties(String redisUrl, String keyPrefix, String queue, String instance) {
		return Map.of("spring.data.redis.url", redisUrl, "celerity.redis.key-prefix", keyPrefix,
				"celerity.redis.idle-recheck", "500ms", "celerity.default-queue", queue, "celerity.worker.queues",
				queue, "celerity.worker.concurrency", "2", "celerity.worker.prefetch", "2",
				"celerity.worker.lease", "3s", "celerity.worker.fetch-wait", "200ms", "crash-test.instance", instance);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, CelerityRedisAutoConfiguration.class,
			CelerityAutoConfiguration.class, CanvasAutoConfiguration.class })
	static class WorkerApplication {

		@Bean
		CrashTestTasks crashTestTasks(Environment environment, RedisConnectionFactory connectionFactory) {
			return new CrashTestTasks(environment.getRequiredProperty("crash-test.instance"),
					environment.getRequiredProperty("celerity.redis.key-prefix"), connectionFactory);
		}

	}

}
