package dev.celerity.canvas;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

import dev.celerity.api.Canvas;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskHandle1;
import dev.celerity.api.TaskHandle2;
import dev.celerity.api.TaskHandle3;
import dev.celerity.api.TaskHandle4;

/**
 * Steps that run one after the other, each receiving the previous step's result as its first argument. Immutable;
 * every modifier returns a copy.
 *
 * <p>The fluent form keeps the Java types flowing: {@code chain(extract.s(url)).then(transform).then(load, table)}
 * compiles only if each step's first parameter accepts the previous step's result.
 *
 * <p>A chain with no steps (empty groups in a chain are dropped) sends nothing: {@link WorkflowTemplate#send}
 * returns {@code null} for it.
 *
 * <p>A step that fails (after its retries) stops the chain: later steps never run and are marked failed, the
 * failed step's and the chain's error callbacks run, and the chain's result raises the failure.
 *
 * @param <R> the result type of the last step
 */
public final class Chain<R> implements Canvas<R> {

	private final List<Canvas<?>> steps;

	private final List<Signature<?>> links;

	private final List<Signature<?>> errorLinks;

	Chain(List<? extends Canvas<?>> steps, List<Signature<?>> links, List<Signature<?>> errorLinks) {
		Assert.noNullElements(steps, "Chain steps must not be null");
		this.steps = List.copyOf(steps);
		this.links = List.copyOf(links);
		this.errorLinks = List.copyOf(errorLinks);
	}

	/** @return the steps, in order */
	public List<Canvas<?>> steps() {
		return this.steps;
	}

	/** @return callbacks called with the last step's result */
	public List<Signature<?>> links() {
		return this.links;
	}

	/** @return callbacks called with the failed step's id and error when any step fails */
	public List<Signature<?>> errorLinks() {
		return this.errorLinks;
	}

	@Override
	public Type resultType() {
		return this.steps.isEmpty() ? Object.class : this.steps.get(this.steps.size() - 1).resultType();
	}

	/**
	 * Returns a chain with one more step, which receives this chain's result first (unless it is immutable).
	 * @param <N> the new step's result type
	 * @param next the step: a signature or another canvas
	 * @return the longer chain
	 */
	public <N> Chain<N> then(Canvas<N> next) {
		List<Canvas<?>> longer = new ArrayList<>(this.steps);
		longer.add(next);
		return new Chain<>(longer, this.links, this.errorLinks);
	}

	/**
	 * Returns a chain with one more step, a task whose only parameter takes this chain's result.
	 * @param <N> the task's result type
	 * @param next the task, from {@code tasks.task(SomeTasks::method)}
	 * @return the longer chain
	 */
	public <N> Chain<N> then(TaskHandle1<? super R, N> next) {
		return then(next.signature());
	}

	/**
	 * Returns a chain with one more step, a task whose first parameter takes this chain's result.
	 * @param <A2> the type of the task's second parameter
	 * @param <N> the task's result type
	 * @param next the task, from {@code tasks.task(SomeTasks::method)}
	 * @param arg2 the second argument
	 * @return the longer chain
	 */
	public <A2, N> Chain<N> then(TaskHandle2<? super R, A2, N> next, A2 arg2) {
		return then(next.signature().clone(arg2));
	}

	/**
	 * Returns a chain with one more step, a task whose first parameter takes this chain's result.
	 * @param <A2> the type of the task's second parameter
	 * @param <A3> the type of the task's third parameter
	 * @param <N> the task's result type
	 * @param next the task, from {@code tasks.task(SomeTasks::method)}
	 * @param arg2 the second argument
	 * @param arg3 the third argument
	 * @return the longer chain
	 */
	public <A2, A3, N> Chain<N> then(TaskHandle3<? super R, A2, A3, N> next, A2 arg2, A3 arg3) {
		return then(next.signature().clone(arg2, arg3));
	}

	/**
	 * Returns a chain with one more step, a task whose first parameter takes this chain's result.
	 * @param <A2> the type of the task's second parameter
	 * @param <A3> the type of the task's third parameter
	 * @param <A4> the type of the task's fourth parameter
	 * @param <N> the task's result type
	 * @param next the task, from {@code tasks.task(SomeTasks::method)}
	 * @param arg2 the second argument
	 * @param arg3 the third argument
	 * @param arg4 the fourth argument
	 * @return the longer chain
	 */
	public <A2, A3, A4, N> Chain<N> then(TaskHandle4<? super R, A2, A3, A4, N> next, A2 arg2, A3 arg3, A4 arg4) {
		return then(next.signature().clone(arg2, arg3, arg4));
	}

	/**
	 * Returns a copy that calls {@code callback} with the last step's result.
	 * @param callback the success callback
	 * @return the new chain
	 */
	public Chain<R> link(Signature<?> callback) {
		return new Chain<>(this.steps, Node.concat(this.links, List.of(callback)), this.errorLinks);
	}

	/**
	 * Returns a copy that calls {@code errback} with the failed step's id and error when any step fails.
	 * @param errback the error callback
	 * @return the new chain
	 */
	public Chain<R> linkError(Signature<?> errback) {
		return new Chain<>(this.steps, this.links, Node.concat(this.errorLinks, List.of(errback)));
	}

	@Override
	public String toString() {
		return "chain" + this.steps;
	}

}
