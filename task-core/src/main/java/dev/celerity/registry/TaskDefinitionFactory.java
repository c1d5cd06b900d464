package dev.celerity.registry;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.format.annotation.DurationFormat;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.util.StringUtils;

import dev.celerity.api.Task;
import dev.celerity.api.TaskInterceptor;
import dev.celerity.ratelimit.InvalidRateLimitException;
import dev.celerity.ratelimit.RateLimit;

/**
 * Turns a {@code @Task} annotation (direct or composed) on a bean method into a validated {@link TaskDefinition};
 * every invalid attribute fails with the bean, method and value named.
 */
public class TaskDefinitionFactory {

	private final TaskDefaults defaults;

	private final UnaryOperator<String> valueResolver;

	/**
	 * Creates a factory.
	 * @param defaults values for attributes the annotation leaves unset
	 * @param valueResolver resolves {@code ${...}} placeholders in string attributes
	 */
	public TaskDefinitionFactory(TaskDefaults defaults, UnaryOperator<String> valueResolver) {
		this.defaults = defaults;
		this.valueResolver = valueResolver;
	}

	/**
	 * Creates the definition of one task method.
	 * @param beanName the bean's name
	 * @param bean the bean (possibly a proxy)
	 * @param method the annotated method of the bean's class
	 * @param task the merged annotation
	 * @param interceptors the interceptors that run around this task
	 * @return the definition
	 * @throws InvalidTaskDefinitionException if an attribute is invalid
	 */
	public TaskDefinition create(String beanName, Object bean, Method method, MergedAnnotation<Task> task,
			List<TaskInterceptor> interceptors) {
		Attributes attributes = new Attributes(beanName, method, task);
		if (Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())) {
			throw attributes.invalid("method", method.getName(), "a task method must be a public instance method", null);
		}
		if (!method.getDeclaringClass().isInstance(bean)) {
			throw attributes.invalid("method", method.getName(),
					"the bean is a JDK proxy that does not expose this method; use class-based proxies", null);
		}
		method.trySetAccessible();
		String name = attributes.text("name");
		return new TaskDefinition(StringUtils.hasText(name) ? name : beanName + "." + method.getName(), beanName, bean,
				method, emptyToNull(attributes.text("queue")), attributes.priority(), attributes.rateLimit(),
				attributes.retryPolicy(), task.getBoolean("ignoreResult"), interceptors,
				emptyToNull(task.getString("rateLimitKey")));
	}

	private static String emptyToNull(String text) {
		return StringUtils.hasText(text) ? text : null;
	}

	private final class Attributes {

		private final String beanName;

		private final Method method;

		private final MergedAnnotation<Task> task;

		Attributes(String beanName, Method method, MergedAnnotation<Task> task) {
			this.beanName = beanName;
			this.method = method;
			this.task = task;
		}

		String text(String attribute) {
			String raw = this.task.getString(attribute);
			try {
				return raw.isEmpty() ? raw : TaskDefinitionFactory.this.valueResolver.apply(raw);
			}
			catch (IllegalArgumentException ex) {
				throw invalid(attribute, raw, ex.getMessage(), ex);
			}
		}

		Integer priority() {
			int priority = this.task.getInt("priority");
			if (priority == Task.UNSET_PRIORITY) {
				return null;
			}
			if (priority < 0 || priority > 9) {
				throw invalid("priority", String.valueOf(priority), "priority must be between 0 and 9", null);
			}
			return priority;
		}

		RateLimit rateLimit() {
			String text = text("rateLimit");
			if (text.isEmpty()) {
				return null;
			}
			try {
				return RateLimit.parse(text);
			}
			catch (InvalidRateLimitException ex) {
				throw invalid("rateLimit", text, ex.getMessage(), ex);
			}
		}

		RetryPolicy retryPolicy() {
			int maxRetries = this.task.getInt("maxRetries");
			if (maxRetries == Task.UNSET_RETRIES) {
				maxRetries = TaskDefinitionFactory.this.defaults.maxRetries();
			}
			else if (maxRetries < 0) {
				throw invalid("maxRetries", String.valueOf(maxRetries), "maxRetries must not be negative", null);
			}
			Duration backoff = duration("retryBackoff");
			Duration backoffMax = duration("retryBackoffMax");
			if (backoffMax == null) {
				backoffMax = TaskDefinitionFactory.this.defaults.retryBackoffMax();
			}
			if (backoff != null && backoffMax.compareTo(backoff) < 0) {
				throw invalid("retryBackoffMax", backoffMax.toString(), "retryBackoffMax must not be shorter than "
						+ "retryBackoff (" + backoff + ")", null);
			}
			@SuppressWarnings("unchecked")
			List<Class<? extends Throwable>> autoretryFor = Arrays
				.asList((Class<? extends Throwable>[]) this.task.getClassArray("autoretryFor"));
			return new RetryPolicy(maxRetries, autoretryFor, backoff, backoffMax, this.task.getBoolean("retryJitter"),
					TaskDefinitionFactory.this.defaults.retryDelay());
		}

		private Duration duration(String attribute) {
			String text = text(attribute);
			if (text.isEmpty()) {
				return null;
			}
			try {
				Duration duration = DurationFormatterUtils.detectAndParse(text, DurationFormat.Unit.MILLIS);
				if (duration.isNegative()) {
					throw invalid(attribute, text, "the duration must not be negative", null);
				}
				return duration;
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				throw invalid(attribute, text, "not a duration (use 500ms, 2s, 1m or ISO-8601 such as PT2S)", ex);
			}
		}

		InvalidTaskDefinitionException invalid(String attribute, String value, String reason, Throwable cause) {
			return new InvalidTaskDefinitionException(this.beanName, this.method.getName(), attribute, value, reason,
					cause);
		}

	}

}
