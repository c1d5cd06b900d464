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
 * skipped with the reason, or fails when the environment variable {@code CI} is {@code true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RedisServerExtension.class)
public @interface RequiresRedis {

}
