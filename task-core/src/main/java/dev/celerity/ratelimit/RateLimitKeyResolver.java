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

import dev.celerity.registry.TaskDefinition;

/**
 * Evaluates a task's {@code rateLimitKey} (SpEL over the task method's arguments, by name or as {@code #p0}) to the
 * key of its bucket. Expressions are parsed once; {@link #validate(TaskDefinition)} parses them at start-up.
 */
public class RateLimitKeyResolver {

	private final ExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

	/**
	 * Parses a task's key expression, if it has one.
	 * @param definition the task
	 * @throws InvalidRateLimitKeyException if the expression does not parse
	 */
	public void validate(TaskDefinition definition) {
		if (definition.rateLimitKey() != null) {
			expression(definition);
		}
	}

	/**
	 * Returns the key of one call.
	 * @param definition the task
	 * @param arguments the bound arguments
	 * @return the key, {@code null} for a task without key expression
	 */
	public String keyOf(TaskDefinition definition, Object[] arguments) {
		if (definition.rateLimitKey() == null) {
			return null;
		}
		MethodBasedEvaluationContext context = new MethodBasedEvaluationContext(null, definition.method(), arguments,
				this.parameterNames);
		return String.valueOf(expression(definition).getValue(context));
	}

	private Expression expression(TaskDefinition definition) {
		return this.expressions.computeIfAbsent(definition.name(), (name) -> {
			try {
				return this.parser.parseExpression(definition.rateLimitKey());
			}
			catch (ParseException ex) {
				throw new InvalidRateLimitKeyException(name, definition.rateLimitKey(), ex);
			}
		});
	}

}
