package dev.celerity.autoconfigure.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when Celerity runs on Redis ({@code celerity.broker.type=redis}, or {@code auto} with a Redis connection
 * configured explicitly), so that every Redis-backed part (schedule claims, rate-limit buckets, control) follows the
 * broker choice rather than the mere presence of a connection factory.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnRedisBrokerCondition.class)
public @interface ConditionalOnRedisBroker {

}
