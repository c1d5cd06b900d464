package dev.celerity.api;

/**
 * A typed handle on a task taking 0 arguments: the compiler checks the arguments of every call.
 *
 * @param <R> the task's result type
 */
public final class TaskHandle0<R> {

	private final TaskTemplate template;

	private final Signature<R> base;

	/**
	 * Creates a handle; obtain one from {@link TaskTemplate#task}.
	 * @param template the template that sends calls
	 * @param base an argument-less signature of the task
	 */
	public TaskHandle0(TaskTemplate template, Signature<R> base) {
		this.template = template;
		this.base = base;
	}

	/**
	 * Sends the task at once with default options.
	 * @return the result handle
	 */
	public AsyncResult<R> delay() {
		return this.template.send(s());
	}

	/**
	 * Sends the task with options.
	 * @param options the call options
	 * @return the result handle
	 */
	public AsyncResult<R> applyAsync(TaskOptions options) {
		return this.template.send(s().set(options));
	}

	/**
	 * Returns a partial signature of a call, for workflows and later sending.
	 * @return the signature
	 */
	public Signature<R> s() {
		return this.base.clone();
	}

	/**
	 * Returns an immutable signature of a call, which ignores its parent's result in a workflow.
	 * @return the signature
	 */
	public Signature<R> si() {
		return s().immutable();
	}

	/**
	 * Returns the task's name.
	 * @return the name
	 */
	public String name() {
		return this.base.taskName();
	}

}
