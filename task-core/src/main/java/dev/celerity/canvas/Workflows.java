package dev.celerity.canvas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;


import dev.celerity.api.Canvas;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskHandle1;
import dev.celerity.message.BuiltinTasks;

/**
 * Builds workflows, in Celery's vocabulary: {@code chain}, {@code group}, {@code chord}, {@code map},
 * {@code starmap} and {@code chunks}. Import the methods statically; send the result with a
 * {@link WorkflowTemplate}.
 */
public final class Workflows {

	/** The name of the built-in task that calls a task once per item (Celery's {@code celery.map}). */
	public static final String MAP_TASK = BuiltinTasks.MAP;

	/** The name of the built-in task that calls a task once per argument list (Celery's {@code celery.starmap}). */
	public static final String STARMAP_TASK = BuiltinTasks.STARMAP;

	private Workflows() {
	}

	/**
	 * Starts a typed chain with its first step; add steps with {@link Chain#then}.
	 * @param <R> the first step's result type
	 * @param first the first step
	 * @return the chain
	 */
	public static <R> Chain<R> chain(Canvas<R> first) {
		return new Chain<>(List.of(first), List.of(), List.of());
	}

	/**
	 * Creates a chain of steps, each receiving the previous step's result first.
	 * @param steps the steps, in order
	 * @return the chain, with the last step's result as plain JSON values
	 */
	public static Chain<Object> chain(Canvas<?>... steps) {
		return chain(Arrays.asList(steps));
	}

	/**
	 * Creates a chain of steps, each receiving the previous step's result first.
	 * @param steps the steps, in order
	 * @return the chain, with the last step's result as plain JSON values
	 */
	public static Chain<Object> chain(List<? extends Canvas<?>> steps) {
		return new Chain<>(steps, List.of(), List.of());
	}

	/**
	 * Creates a group of tasks that run in parallel.
	 * @param <R> the members' result type
	 * @param tasks the members
	 * @return the group
	 */
	@SafeVarargs
	public static <R> Group<R> group(Canvas<? extends R>... tasks) {
		return group(Arrays.asList(tasks));
	}

	/**
	 * Creates a group of tasks that run in parallel.
	 * @param <R> the members' result type
	 * @param tasks the members, in order
	 * @return the group
	 */
	public static <R> Group<R> group(Collection<? extends Canvas<? extends R>> tasks) {
		return new Group<R>(new ArrayList<>(tasks), List.of(), List.of());
	}

	/**
	 * Creates a group of tasks that run in parallel.
	 * @param <R> the members' result type
	 * @param tasks the members, in order
	 * @return the group
	 */
	public static <R> Group<R> group(Stream<? extends Canvas<? extends R>> tasks) {
		return new Group<R>(tasks.toList(), List.of(), List.of());
	}

	/**
	 * Creates a chord: the body runs once with the list of the header's results, in header order.
	 * @param <R> the body's result type
	 * @param header the tasks to run in parallel first
	 * @param body the step that receives their results
	 * @return the chord
	 */
	public static <R> Chord<R> chord(Group<?> header, Canvas<R> body) {
		return new Chord<>(header, body, List.of(), List.of());
	}

	/**
	 * Creates a chord whose body is a task taking the list of the header's results, checked by the compiler.
	 * @param <H> the header members' result type
	 * @param <R> the body's result type
	 * @param header the tasks to run in parallel first
	 * @param body the task that receives their results, from {@code tasks.task(SomeTasks::method)}
	 * @return the chord
	 */
	public static <H, R> Chord<R> chord(Group<H> header, TaskHandle1<? super List<H>, R> body) {
		return chord(header, body.signature());
	}

	/**
	 * Creates a task that calls {@code task} once per item inside one worker task (as Celery's {@code map}), the item
	 * in front of the signature's own arguments; its result is the list of the calls' results.
	 * @param <R> the task's result type
	 * @param task the task to call
	 * @param items one item per call
	 * @return the signature of the map task, with the options of {@code task}
	 */
	public static <R> Signature<List<R>> map(Signature<R> task, Collection<?> items) {
		return builtin(MAP_TASK, task, new ArrayList<>(items));
	}

	/**
	 * Creates a task that calls {@code task} once per argument list inside one worker task (as Celery's
	 * {@code starmap}), the list's values in front of the signature's own arguments.
	 * @param <R> the task's result type
	 * @param task the task to call
	 * @param argumentLists one argument list per call
	 * @return the signature of the starmap task, with the options of {@code task}
	 */
	public static <R> Signature<List<R>> starmap(Signature<R> task, Collection<? extends List<?>> argumentLists) {
		return builtin(STARMAP_TASK, task, new ArrayList<>(argumentLists));
	}

	/**
	 * Splits calls of a task into chunks of {@code n} calls, run as a group of {@code ceil(items / n)} starmap tasks.
	 * @param <R> the task's result type
	 * @param task the task to call
	 * @param argumentLists one argument list per call
	 * @param n the most calls per chunk
	 * @return the chunks; {@link Chunks#group()} gives the group
	 */
	public static <R> Chunks<R> chunks(Signature<R> task, Collection<? extends List<?>> argumentLists, int n) {
		return new Chunks<>(task, new ArrayList<>(argumentLists), n);
	}

	private static <R> Signature<List<R>> builtin(String name, Signature<R> task, List<Object> items) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("task", task.taskName());
		spec.put("args", task.args());
		spec.put("kwargs", task.kwargs());
		spec.put("immutable", task.isImmutable());
		// immutable, as in Celery: inside a chain the items are the map's input, not the previous step's result
		return Signature.<List<R>>of(name, ResultTypes.listOf(task.resultType()), spec, items)
			.set(task.options().withTaskId(null))
			.immutable();
	}

}
