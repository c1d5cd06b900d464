package dev.celerity.worker;

import dev.celerity.api.CelerityException;
import dev.celerity.registry.TaskDefinition;

/**
 * Thrown at start-up when a task method's {@code @TimeLimit} cannot work: a limit that is not a positive duration,
 * or a soft limit larger than the hard one.
 */
public class InvalidTimeLimitException extends CelerityException {

	private final String beanName;

	private final String methodName;

	private final String attributes;

	/**
	 * Creates an exception.
	 * @param task the task whose annotation is wrong
	 * @param attributes the faulty attributes as written, for example {@code soft = "2s", hard = "1s"}
	 * @param reason what is wrong with them
	 * @param cause the parsing error, may be {@code null}
	 */
	public InvalidTimeLimitException(TaskDefinition task, String attributes, String reason, Throwable cause) {
		super("Invalid @TimeLimit(" + attributes + ") on bean '" + task.beanName() + "' method '"
				+ task.method().getName() + "' (" + task.methodDescription() + "): " + reason, cause);
		this.beanName = task.beanName();
		this.methodName = task.method().getName();
		this.attributes = attributes;
	}

	/** @return the bean declaring the task */
	public String getBeanName() {
		return this.beanName;
	}

	/** @return the task method's name */
	public String getMethodName() {
		return this.methodName;
	}

	/** @return the faulty attributes as written */
	public String getAttributes() {
		return this.attributes;
	}

}
