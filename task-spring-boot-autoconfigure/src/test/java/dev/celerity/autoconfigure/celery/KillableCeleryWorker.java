package dev.celerity.autoconfigure.celery;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.celerity.autoconfigure.CelerityAutoConfiguration;
import dev.celerity.autoconfigure.canvas.CanvasAutoConfiguration;
import dev.celerity.autoconfigure.control.CelerityControlAutoConfiguration;
import dev.celerity.autoconfigure.ratelimit.CelerityRateLimitAutoConfiguration;
import dev.celerity.autoconfigure.redis.CelerityRedisAutoConfiguration;
import dev.celerity.autoconfigure.routing.CelerityRoutingAutoConfiguration;

/**
 * A Celerity worker in a JVM of its own, on the Celery queue given as argument, for the test that kills it with
 * SIGKILL while it runs tasks a Python producer sent.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, CeleryAutoConfiguration.class,
		CelerityRedisAutoConfiguration.class, CelerityAutoConfiguration.class, CanvasAutoConfiguration.class,
		CelerityRateLimitAutoConfiguration.class, CelerityRoutingAutoConfiguration.class,
		CelerityControlAutoConfiguration.class })
@Import(InteropTasks.class)
public class KillableCeleryWorker {

	/**
	 * Runs the worker until it is killed.
	 * @param args the Redis URL, the queue
	 */
	public static void main(String[] args) {
		new SpringApplicationBuilder(KillableCeleryWorker.class).web(WebApplicationType.NONE)
			.properties("spring.data.redis.url=" + args[0], "celerity.broker.type=redis",
					"celerity.celery.enabled=true", "celerity.worker.queues=" + args[1],
					"celerity.default-queue=" + args[1], "celerity.worker.concurrency=4",
					"celerity.worker.lease=2s", "spring.main.banner-mode=off")
			.run(args);
	}

}
