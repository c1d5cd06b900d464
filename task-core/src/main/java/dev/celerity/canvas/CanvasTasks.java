package dev.celerity.canvas;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.ReflectionUtils;

import dev.celerity.api.TaskContext;
import dev.celerity.message.ArgumentBinder;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.SignatureSpec;
import dev.celerity.registry.RetryPolicy;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;

/**
 * The built-in tasks workflows rely on: {@code celery.map} and {@code celery.starmap} (call a task once per item
 * inside one worker task, as Celery does) and {@code celery.collect} (hands a group's results on as one list; a
 * Celerity task, named in the {@code celery.} namespace of built-ins so that all three follow one scheme).
 */
public class CanvasTasks {

	private final TaskRegistry registry;

	private final MessageCodec codec;

	private final ArgumentBinder binder;

	/**
	 * Creates the built-in tasks.
	 * @param registry where the called tasks are looked up
	 * @param codec converts arguments and results
	 */
	public CanvasTasks(TaskRegistry registry, MessageCodec codec) {
		this.registry = registry;
		this.codec = codec;
		this.binder = new ArgumentBinder(codec);
	}

	/**
	 * Registers the built-in tasks with the registry.
	 */
	public void register() {
		RetryPolicy noRetries = new RetryPolicy(0, List.of(), null, Duration.ZERO, false, Duration.ZERO);
		for (String[] task : new String[][] { { Workflows.MAP_TASK, "map" }, { Workflows.STARMAP_TASK, "starmap" },
				{ WorkflowStarter.COLLECT_TASK, "collect" } }) {
			Method method = ReflectionUtils.findMethod(CanvasTasks.class, task[1], (Class<?>[]) null);
			this.registry.register(new TaskDefinition(task[0], "celerityCanvasTasks", this, method, null, null, null,
					noRetries, false, List.of()));
		}
	}

	/**
	 * Calls a task once per item, the item first.
	 * @param task the task to call
	 * @param items the items
	 * @param context the running map task
	 * @return the results, in item order
	 */
	public List<Object> map(SignatureSpec task, List<Object> items, TaskContext context) {
		List<Object> results = new ArrayList<>(items.size());
		for (Object item : items) {
			List<Object> single = new ArrayList<>(1);
			single.add(item);
			results.add(call(task, single, context));
		}
		return results;
	}

	/**
	 * Calls a task once per argument list, the list's values first.
	 * @param task the task to call
	 * @param argumentLists the argument lists
	 * @param context the running starmap task
	 * @return the results, in order
	 */
	public List<Object> starmap(SignatureSpec task, List<List<Object>> argumentLists, TaskContext context) {
		List<Object> results = new ArrayList<>(argumentLists.size());
		for (List<Object> arguments : argumentLists) {
			results.add(call(task, arguments, context));
		}
		return results;
	}

	/**
	 * Returns a group's results as they are.
	 * @param results the results, in member order
	 * @return the same list
	 */
	public List<Object> collect(List<Object> results) {
		return results;
	}

	private Object call(SignatureSpec task, List<Object> extraArgs, TaskContext context) {
		TaskDefinition definition = this.registry.find(task.task())
			.orElseThrow(() -> new IllegalArgumentException("Unknown task '" + task.task() + "' in a map"));
		List<Object> args = new ArrayList<>();
		if (!task.immutable()) {
			args.addAll(extraArgs);
		}
		args.addAll(task.args());
		Object[] bound = this.binder.bind(definition.method(), args, task.kwargs(), context);
		try {
			return this.codec.toJsonValue(definition.method().invoke(definition.bean(), bound));
		}
		catch (InvocationTargetException ex) {
			ReflectionUtils.rethrowRuntimeException(ex.getTargetException());
			throw new IllegalStateException(ex);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot call " + definition.methodDescription(), ex);
		}
	}

}
