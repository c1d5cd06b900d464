package dev.celerity.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A typed handle on a task taking 1 argument: the compiler checks the arguments of every call.
 *
 * @param <R> the task's result type
 */
public final class TaskHandle1<A1, R> {

	private final TaskTemplate template;

	private final Signature<R> base;

	/**
	 * Creates a handle; obtain one from {@link TaskTemplate#task}.
	 * @param template the template that sends calls
	 * @param base an argument-less signature of the task
	 */
	public TaskHandle1(TaskTemplate template, Signature<R> base) {
		this.template = template;
		this.base = base;
	}

	/**
	 * Sends the task at once with default options.
	 * @param arg1 argument 1
	 * @return the result handle
	 */
	public AsyncResult<R> delay(A1 arg1) {
		return this.template.send(s(arg1));
	}

	/**
	 * Sends the task with options.
	 * @param arg1 argument 1
	 * @param options the call options
	 * @return the result handle
	 */
	public AsyncResult<R> applyAsync(A1 arg1, TaskOptions options) {
		return this.template.send(s(arg1).set(options));
	}

	/**
	 * Sends the task once per argument, in one broker call (see {@link TaskTemplate#sendAll}).
	 * @param args one argument per call
	 * @return one result handle per call, in order
	 */
	public List<AsyncResult<R>> sendAll(Collection<? extends A1> args) {
		List<Signature<R>> signatures = new ArrayList<>(args.size());
		args.forEach((arg) -> signatures.add(s(arg)));
		return this.template.sendAll(signatures);
	}

	/**
	 * Returns a partial signature of a call, for workflows and later sending.
	 * @param arg1 argument 1
	 * @return the signature
	 */
	public Signature<R> s(A1 arg1) {
		return this.base.clone(arg1);
	}

	/**
	 * Returns an immutable signature of a call, which ignores its parent's result in a workflow.
	 * @param arg1 argument 1
	 * @return the signature
	 */
	public Signature<R> si(A1 arg1) {
		return s(arg1).immutable();
	}

	/**
	 * Returns the task's signature without arguments, for a workflow step whose arguments come from its parent's
	 * result (see {@code dev.celerity.canvas.Chain#then}).
	 * @return the argument-less signature
	 */
	public Signature<R> signature() {
		return this.base;
	}

	/**
	 * Returns the task's name.
	 * @return the name
	 */
	public String name() {
		return this.base.taskName();
	}

}
