package dev.celerity.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how long one attempt of a {@link Task} may run. At the soft limit the task's thread is interrupted so the
 * task can clean up; at the hard limit the attempt is failed with a {@link TimeLimitExceededException} whatever the
 * task does. Configuration ({@code celerity.time-limits.tasks.<name>}) overrides the annotation.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TimeLimit {

	/** The soft limit as a duration ({@code "30s"}, {@code "500ms"}); empty means none. */
	String soft() default "";

	/** The hard limit as a duration; empty means none. */
	String hard() default "";

}
