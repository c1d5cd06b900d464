package dev.celerity.canvas;

import java.lang.reflect.Type;
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

	/**
	 * The steps, or {@code null} until first asked for when this chain was made by {@link #then(Canvas)}: a chain
	 * built step by step then costs one list for its whole length instead of a copy per step.
	 */
	private volatile List<Canvas<?>> steps;

	/** The chain this one extends by {@link #last}, until its steps are listed. */
	private volatile Chain<?> previous;

	private final Canvas<?> last;

	private final int size;

	private final List<Signature<?>> links;

	private final List<Signature<?>> errorLinks;

	Chain(List<? extends Canvas<?>> steps, List<Signature<?>> links, List<Signature<?>> errorLinks) {
		Assert.noNullElements(steps, "Chain steps must not be null");
		this.steps = List.copyOf(steps);
		this.previous = null;
		this.last = this.steps.isEmpty() ? null : this.steps.get(this.steps.size() - 1);
		this.size = this.steps.size();
		this.links = List.copyOf(links);
		this.errorLinks = List.copyOf(errorLinks);
	}

	private Chain(Chain<?> previous, Canvas<?> next) {
		Assert.notNull(next, "Chain steps must not be null");
		this.previous = previous;
		this.last = next;
		this.size = previous.size + 1;
		this.links = previous.links;
		this.errorLinks = previous.errorLinks;
	}

	/** @return the steps, in order */
	public List<Canvas<?>> steps() {
		List<Canvas<?>> listed = this.steps;
		if (listed == null) {
			listed = list();
		}
		return listed;
	}

	// walks back to the nearest chain whose steps are listed (at worst the first), once
	private synchronized List<Canvas<?>> list() {
		if (this.steps != null) {
			return this.steps;
		}
		Canvas<?>[] all = new Canvas<?>[this.size];
		Chain<?> chain = this;
		int at = this.size;
		List<Canvas<?>> base;
		while (true) {
			// previous first: a chain drops it only after its steps are listed, so one of the two is there
			Chain<?> before = chain.previous;
			base = chain.steps;
			if (base != null) {
				break;
			}
			all[--at] = chain.last;
			chain = before;
		}
		for (int i = 0; i < at; i++) {
			all[i] = base.get(i);
		}
		this.steps = List.of(all);
		this.previous = null;
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
		return (this.last == null) ? Object.class : this.last.resultType();
	}

	/**
	 * Returns a chain with one more step, which receives this chain's result first (unless it is immutable).
	 * @param <N> the new step's result type
	 * @param next the step: a signature or another canvas
	 * @return the longer chain
	 */
	public <N> Chain<N> then(Canvas<N> next) {
		return new Chain<>(this, next);
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
		return new Chain<>(steps(), Node.concat(this.links, List.of(callback)), this.errorLinks);
	}

	/**
	 * Returns a copy that calls {@code errback} with the failed step's id and error when any step fails.
	 * @param errback the error callback
	 * @return the new chain
	 */
	public Chain<R> linkError(Signature<?> errback) {
		return new Chain<>(steps(), this.links, Node.concat(this.errorLinks, List.of(errback)));
	}

	@Override
	public String toString() {
		return "chain" + steps();
	}

}
