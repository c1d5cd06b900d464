package dev.celerity.testing.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real Redis: it injects a {@link RedisTestContext} (constructor or method parameter) with
 * a key prefix of the class's own, deleted afterwards. Without a reachable Redis the class is disabled, and reported
 * skipped with the reason, or fails when the environment variable {@code CI} is {@code true}. A subclass of a test class
 * may run the same tests on the cluster by declaring {@code @RequiresRedis(cluster = true)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RedisServerExtension.class)
public @interface RequiresRedis {

	/**
	 * Whether the class runs against the Redis Cluster under test ({@code REDIS_CLUSTER_NODES}, else three masters on
	 * {@code 127.0.0.1:7000-7002}) rather than the single Redis.
	 * @return {@code true} for the cluster
	 */
	boolean cluster() default false;

}
