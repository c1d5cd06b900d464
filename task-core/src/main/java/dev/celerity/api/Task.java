package dev.celerity.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean method as a task that callers can enqueue and workers run.
 *
 * <p>The annotation can be used as a meta-annotation, so a team can declare its own composed annotation
 * (for example {@code @RetryableTask}) with shared defaults, overriding attributes with {@code @AliasFor}.
 * String attributes accept property placeholders ({@code "${orders.queue:high}"}).
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Task {

	/** Priority value meaning "not set here": a later source (configuration or default) decides. */
	int UNSET_PRIORITY = -1;

	/** Retry count meaning "not set here": the configured default applies. */
	int UNSET_RETRIES = -1;

	/** The task name; empty means {@code beanName.methodName}. */
	String name() default "";

	/** The queue the task is sent to unless routing or the caller decides otherwise; empty means the default. */
	String queue() default "";

	/** Priority 0-9, higher runs first; {@link #UNSET_PRIORITY} means the queue's default. */
	int priority() default UNSET_PRIORITY;

	/** Rate limit such as {@code "100/m"}, {@code "10/s"}, {@code "1000/h"} or a plain number per second. */
	String rateLimit() default "";

	/**
	 * A SpEL expression over the task's arguments (by name, {@code #order.userId}, or position, {@code #p0}) whose
	 * value selects a rate-limit bucket of its own (per user, per tenant); empty means one bucket for the task.
	 */
	String rateLimitKey() default "";

	/** The most retries before the task fails; {@link #UNSET_RETRIES} means the configured default. */
	int maxRetries() default UNSET_RETRIES;

	/** Exception types that trigger an automatic retry. */
	Class<? extends Throwable>[] autoretryFor() default {};

	/** Base delay of the exponential retry backoff, as a duration ({@code "1s"}, {@code "500ms"}); empty means none. */
	String retryBackoff() default "";

	/** The largest retry delay, as a duration; empty means the configured default. */
	String retryBackoffMax() default "";

	/** Whether retry delays are drawn uniformly between zero and the backoff ("full jitter"). */
	boolean retryJitter() default true;

	/** Whether to skip storing the task's return value. */
	boolean ignoreResult() default false;

	/** Names of {@link TaskInterceptor} beans that wrap this task in addition to the global ones. */
	String[] interceptors() default {};

}
