package dev.celerity.registry;

import java.lang.reflect.Method;
import java.util.List;

import dev.celerity.api.TaskInterceptor;
import dev.celerity.ratelimit.RateLimit;

/**
 * A registered task: its name, the bean method that runs it and its effective settings.
 *
 * @param name the task's unique name
 * @param beanName the name of the bean that declares it
 * @param bean the bean instance the method is invoked on
 * @param method the task method
 * @param queue the queue named by the task itself, or {@code null}
 * @param priority the priority set by the task itself, or {@code null}
 * @param rateLimit the rate limit, or {@code null} for none
 * @param retryPolicy the retry settings
 * @param ignoreResult whether to skip storing the result
 * @param interceptors the interceptors that run around this task, in order
 * @param rateLimitKey a SpEL expression over the arguments selecting a rate-limit bucket, or {@code null} for one
 * bucket per task
 */
public record TaskDefinition(String name, String beanName, Object bean, Method method, String queue,
		Integer priority, RateLimit rateLimit, RetryPolicy retryPolicy, boolean ignoreResult,
		List<TaskInterceptor> interceptors, String rateLimitKey) {

	public TaskDefinition {
		interceptors = List.copyOf(interceptors);
	}

	/**
	 * Creates a definition without a rate-limit key.
	 * @param name the task's unique name
	 * @param beanName the name of the bean that declares it
	 * @param bean the bean instance the method is invoked on
	 * @param method the task method
	 * @param queue the queue named by the task itself, or {@code null}
	 * @param priority the priority set by the task itself, or {@code null}
	 * @param rateLimit the rate limit, or {@code null} for none
	 * @param retryPolicy the retry settings
	 * @param ignoreResult whether to skip storing the result
	 * @param interceptors the interceptors that run around this task, in order
	 */
	public TaskDefinition(String name, String beanName, Object bean, Method method, String queue, Integer priority,
			RateLimit rateLimit, RetryPolicy retryPolicy, boolean ignoreResult, List<TaskInterceptor> interceptors) {
		this(name, beanName, bean, method, queue, priority, rateLimit, retryPolicy, ignoreResult, interceptors, null);
	}

	/**
	 * Describes the method for messages: {@code beanName.method(ParamTypes)}.
	 * @return the description
	 */
	public String methodDescription() {
		StringBuilder text = new StringBuilder(this.beanName).append('.').append(this.method.getName()).append('(');
		Class<?>[] types = this.method.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			text.append((i > 0) ? ", " : "").append(types[i].getSimpleName());
		}
		return text.append(')').toString();
	}

}
