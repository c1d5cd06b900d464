package dev.celerity.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Enqueues a {@link Task} method on a schedule: a cron expression or a fixed rate. Each tick sends the task to the
 * broker like a call would (a worker runs it); it never runs inline in the scheduler. However many application
 * instances run the schedule, each tick is enqueued exactly once.
 *
 * <p>Set exactly one of {@link #cron()} and {@link #fixedRate()}. String attributes accept property placeholders;
 * a cron of {@code "-"} disables the schedule. The annotation can be repeated (give each a {@link #name()}) and used
 * as a meta-annotation.
 *
 * <pre class="code">
 * &#64;Task
 * &#64;Periodic(cron = "0 0 3 * * *", zone = "Europe/Paris", args = "nightly", expires = "1h")
 * public void purge(String mode) { ... }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Periodic.List.class)
public @interface Periodic {

	/** The schedule's name, unique in the application; empty means the task's name. */
	String name() default "";

	/** A cron expression of Spring's {@code CronExpression} (six fields, seconds first, or a macro such as {@code @daily}). */
	String cron() default "";

	/** The time zone of {@link #cron()}, such as {@code Europe/Paris}; empty means {@code celerity.beat.zone}. */
	String zone() default "";

	/** The period of a fixed-rate schedule, as a duration ({@code "30s"}, {@code "5m"}, {@code "PT1H"}). */
	String fixedRate() default "";

	/** How long after start-up the first fixed-rate tick may come at the earliest, as a duration. */
	String initialDelay() default "";

	/** Positional arguments of each call, each converted to the declared parameter type. */
	String[] args() default {};

	/** The queue of each call; empty leaves it to routing. */
	String queue() default "";

	/** Priority 0-9 of each call, higher first; {@link Task#UNSET_PRIORITY} leaves it to routing. */
	int priority() default Task.UNSET_PRIORITY;

	/**
	 * How long after it is sent a call may still start, as a duration; a call not started by then is revoked, so a
	 * backlog does not pile up while workers are down. Empty means calls never expire.
	 */
	String expires() default "";

	/** What to do with ticks that were missed. */
	MissedTickPolicy missedTicks() default MissedTickPolicy.DEFAULT;

	/**
	 * Holds several {@link Periodic} schedules of one method.
	 */
	@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		/** @return the schedules */
		Periodic[] value();

	}

}
