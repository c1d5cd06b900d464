package dev.celerity.message;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;

import dev.celerity.api.TaskContext;

/**
 * Binds a message's JSON arguments to a task method's declared (generic) parameter types: positional arguments
 * first, then keyword arguments by parameter name; a {@link TaskContext} parameter receives the running context.
 */
public class ArgumentBinder {

	private final MessageCodec codec;

	private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

	private final ConcurrentMap<Method, ParameterPlan[]> plans = new ConcurrentHashMap<>();

	/**
	 * Creates a binder converting with the given codec.
	 * @param codec the codec
	 */
	public ArgumentBinder(MessageCodec codec) {
		this.codec = codec;
	}

	/**
	 * Binds arguments to a method's parameters.
	 * @param method the task method
	 * @param args positional arguments as JSON values
	 * @param kwargs keyword arguments as JSON values
	 * @param context the running task's context, passed to a {@link TaskContext} parameter
	 * @return the invocation arguments
	 * @throws ArgumentBindingException if an argument is missing, extra or of the wrong shape
	 */
	public Object[] bind(Method method, List<Object> args, Map<String, Object> kwargs, TaskContext context) {
		ParameterPlan[] plan = this.plans.computeIfAbsent(method, this::plan);
		Object[] bound = new Object[plan.length];
		int position = 0;
		int usedKwargs = 0;
		for (int i = 0; i < plan.length; i++) {
			ParameterPlan parameter = plan[i];
			if (parameter.context()) {
				bound[i] = context;
				// a typed call through a method reference passes null in the context's slot
				if (args.size() == plan.length && position < args.size() && args.get(position) == null) {
					position++;
				}
				continue;
			}
			Object value;
			if (position < args.size()) {
				value = args.get(position++);
			}
			else if (parameter.name() != null && kwargs.containsKey(parameter.name())) {
				value = kwargs.get(parameter.name());
				usedKwargs++;
			}
			else {
				throw new ArgumentBindingException("Missing argument '" + parameter.label() + "' of " + describe(method),
						null);
			}
			bound[i] = convert(method, parameter, value);
		}
		if (position < args.size()) {
			throw new ArgumentBindingException(describe(method) + " takes " + position + " positional argument(s) but "
					+ args.size() + " were given", null);
		}
		if (usedKwargs < kwargs.size()) {
			throw new ArgumentBindingException("Unexpected keyword argument(s) " + kwargs.keySet() + " for "
					+ describe(method), null);
		}
		return bound;
	}

	private Object convert(Method method, ParameterPlan parameter, Object value) {
		if (value == null) {
			if (parameter.type().isPrimitive()) {
				throw new ArgumentBindingException("Argument '" + parameter.label() + "' of " + describe(method)
						+ " is a primitive and cannot be null", null);
			}
			return null;
		}
		try {
			return this.codec.convert(value, parameter.type());
		}
		catch (RuntimeException ex) {
			// Jackson's own words without its location suffix, which names no place in the message
			String why = (ex instanceof JacksonException jackson) ? jackson.getOriginalMessage() : ex.getMessage();
			throw new ArgumentBindingException("Argument '" + parameter.label() + "' of " + describe(method)
					+ " cannot be read as " + parameter.type().toCanonical() + ": " + why, ex);
		}
	}

	private ParameterPlan[] plan(Method method) {
		Parameter[] parameters = method.getParameters();
		String[] discovered = this.names.getParameterNames(method);
		ParameterPlan[] plan = new ParameterPlan[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			boolean context = TaskContext.class.equals(parameters[i].getType());
			String name = (discovered != null) ? discovered[i] : null;
			plan[i] = new ParameterPlan(name, i, context, this.codec.javaType(parameters[i].getParameterizedType()));
		}
		return plan;
	}

	private static String describe(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + method.getName();
	}

	private record ParameterPlan(String name, int index, boolean context, JavaType type) {

		String label() {
			return (this.name != null) ? this.name : "#" + this.index;
		}

	}

}
