package dev.celerity.routing;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import dev.celerity.api.TaskOptions;
import dev.celerity.message.MessageCodec;

/**
 * One call as a {@link RoutingRule} sees it. Arguments are in their JSON form (maps, lists, strings, numbers), the
 * same whether the call came from a caller or from a workflow step; {@link #arg(int, Type)} converts one back to a
 * Java type.
 */
public final class RoutedCall {

	private final String taskName;

	private final List<Object> args;

	private final Map<String, Object> kwargs;

	private final TaskOptions options;

	private final MessageCodec codec;

	/**
	 * Creates a call.
	 * @param taskName the task name
	 * @param args the positional arguments as JSON values
	 * @param kwargs the keyword arguments as JSON values
	 * @param options the caller's options
	 * @param codec converts arguments to Java types
	 */
	public RoutedCall(String taskName, List<Object> args, Map<String, Object> kwargs, TaskOptions options,
			MessageCodec codec) {
		this.taskName = taskName;
		this.args = args;
		this.kwargs = kwargs;
		this.options = options;
		this.codec = codec;
	}

	/**
	 * Returns the task name.
	 * @return the name
	 */
	public String taskName() {
		return this.taskName;
	}

	/**
	 * Returns the positional arguments as JSON values.
	 * @return the arguments
	 */
	public List<Object> args() {
		return this.args;
	}

	/**
	 * Returns the keyword arguments as JSON values.
	 * @return the keyword arguments
	 */
	public Map<String, Object> kwargs() {
		return this.kwargs;
	}

	/**
	 * Returns the caller's options (a queue or priority set there is already decided).
	 * @return the options
	 */
	public TaskOptions options() {
		return this.options;
	}

	/**
	 * Converts a positional argument to a Java type.
	 * @param <T> the type
	 * @param index the argument's position
	 * @param type the type (a class or a generic type)
	 * @return the converted argument, {@code null} if the call has no such argument
	 */
	public <T> T arg(int index, Type type) {
		return (index < this.args.size()) ? this.codec.convert(this.args.get(index), type) : null;
	}

	/**
	 * Converts a keyword argument to a Java type.
	 * @param <T> the type
	 * @param name the argument's name
	 * @param type the type (a class or a generic type)
	 * @return the converted argument, {@code null} if the call has no such argument
	 */
	public <T> T kwarg(String name, Type type) {
		return this.codec.convert(this.kwargs.get(name), type);
	}

	@Override
	public String toString() {
		return "RoutedCall[" + this.taskName + "]";
	}

}
