package dev.celerity.registry;

import dev.celerity.api.CelerityException;

/**
 * Thrown at start-up when a {@code @Task} method has an attribute that cannot work.
 */
public class InvalidTaskDefinitionException extends CelerityException {

	private final String beanName;

	private final String methodName;

	private final String attribute;

	private final String value;

	/**
	 * Creates an exception.
	 * @param beanName the bean declaring the task
	 * @param methodName the task method
	 * @param attribute the faulty attribute
	 * @param value its value
	 * @param reason what is wrong with it
	 * @param cause the parsing error, may be {@code null}
	 */
	public InvalidTaskDefinitionException(String beanName, String methodName, String attribute, String value,
			String reason, Throwable cause) {
		super("Invalid @Task(" + attribute + " = \"" + value + "\") on bean '" + beanName + "' method '" + methodName
				+ "': " + reason, cause);
		this.beanName = beanName;
		this.methodName = methodName;
		this.attribute = attribute;
		this.value = value;
	}

	/** @return the bean declaring the task */
	public String getBeanName() {
		return this.beanName;
	}

	/** @return the task method's name */
	public String getMethodName() {
		return this.methodName;
	}

	/** @return the faulty attribute */
	public String getAttribute() {
		return this.attribute;
	}

	/** @return the faulty value */
	public String getValue() {
		return this.value;
	}

}
