package dev.celerity.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import java.lang.reflect.Method;

/**
 * Evaluates a task's {@code rateLimitKey} (SpEL over the task method's arguments, by name or as {@code #p0}) to the
 * key of its bucket. Expressions are parsed once per task; {@link #validate(String, String)} parses one at start-up.
 */
public class RateLimitKeyResolver {

	private final ExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

	/**
	 * Parses a task's key expression.
	 * @param task the task name
	 * @param expression the expression, {@code null} for none
	 * @throws InvalidRateLimitKeyException if the expression does not parse
	 */
	public void validate(String task, String expression) {
		if (expression != null) {
			expression(task, expression);
		}
	}

	/**
	 * Returns the key of one call.
	 * @param task the task name
	 * @param expression the task's key expression, {@code null} for none
	 * @param method the task method, whose parameter names the expression uses
	 * @param arguments the bound arguments
	 * @return the key, {@code null} for a task without key expression
	 */
	public String keyOf(String task, String expression, Method method, Object[] arguments) {
		if (expression == null) {
			return null;
		}
		MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(null, method, arguments,
				this.parameterNames);
		return String.valueOf(expression(task, expression).getValue(context));
	}

	private Expression expression(String task, String text) {
		return this.expressions.computeIfAbsent(task, (name) -> {
			try {
				return this.parser.parseExpression(text);
			}
			catch (ParseException ex) {
				throw new InvalidRateLimitKeyException(name, text, ex);
			}
		});
	}

}
