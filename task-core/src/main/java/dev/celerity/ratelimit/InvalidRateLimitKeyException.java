package dev.celerity.ratelimit;

import dev.celerity.api.CelerityException;

/**
 * Thrown at start-up when a task's {@code rateLimitKey} is not a valid SpEL expression.
 */
public class InvalidRateLimitKeyException extends CelerityException {

	private final String task;

	private final String expression;

	/**
	 * Creates an exception.
	 * @param task the task name
	 * @param expression the rejected expression
	 * @param cause the parse error
	 */
	public InvalidRateLimitKeyException(String task, String expression, Throwable cause) {
		super("Invalid rateLimitKey '" + expression + "' of task '" + task + "': " + cause.getMessage(), cause);
		this.task = task;
		this.expression = expression;
	}

	/** @return the task name */
	public String getTask() {
		return this.task;
	}

	/** @return the rejected expression */
	public String getExpression() {
		return this.expression;
	}

}
