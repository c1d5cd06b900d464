package dev.celerity.api;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * A task call as a value: task name, arguments, keyword arguments and options, sendable later or as part of a
 * workflow. Signatures are immutable; every modifier returns a copy.
 *
 * <p>A partial signature receives arguments supplied later (a parent task's result, a caller's extra arguments)
 * in front of its own; an {@link #immutable() immutable} one ignores its parent's result.
 *
 * @param <R> the task's result type
 */
public final class Signature<R> implements Canvas<R> {

	private final String taskName;

	private final List<Object> args;

	private final Map<String, Object> kwargs;

	private final TaskOptions options;

	private final boolean immutable;

	private final Type resultType;

	private final List<Signature<?>> links;

	private final List<Signature<?>> errorLinks;

	private Signature(String taskName, List<Object> args, Map<String, Object> kwargs, TaskOptions options,
			boolean immutable, Type resultType, List<Signature<?>> links, List<Signature<?>> errorLinks) {
		Assert.hasText(taskName, "Task name must not be empty");
		this.taskName = taskName;
		this.args = List.copyOf(args.stream().map(Signature::nullSafe).toList());
		this.kwargs = Map.copyOf(kwargs);
		this.options = options;
		this.immutable = immutable;
		this.resultType = resultType;
		this.links = List.copyOf(links);
		this.errorLinks = List.copyOf(errorLinks);
	}

	/**
	 * Creates a partial signature of a task known by name.
	 * @param taskName the task's name
	 * @param args the positional arguments
	 * @return the signature
	 */
	public static Signature<Object> of(String taskName, Object... args) {
		return new Signature<>(taskName, Arrays.asList(args), Map.of(), TaskOptions.none(), false, Object.class,
				List.of(), List.of());
	}

	/**
	 * Creates a partial signature whose result converts to the given type.
	 * @param <T> the result type
	 * @param taskName the task's name
	 * @param resultType the declared result type of the task
	 * @param args the positional arguments
	 * @return the signature
	 */
	public static <T> Signature<T> of(String taskName, Type resultType, Object... args) {
		return new Signature<>(taskName, Arrays.asList(args), Map.of(), TaskOptions.none(), false, resultType,
				List.of(), List.of());
	}

	/** @return the task's name */
	public String taskName() {
		return this.taskName;
	}

	/** @return the positional arguments, {@code null} elements stored as {@link NullArg} */
	public List<Object> args() {
		List<Object> args = new ArrayList<>(this.args.size());
		for (Object arg : this.args) {
			args.add((arg instanceof NullArg) ? null : arg);
		}
		return Collections.unmodifiableList(args);
	}

	/** @return the keyword arguments */
	public Map<String, Object> kwargs() {
		return this.kwargs;
	}

	/** @return the call options */
	public TaskOptions options() {
		return this.options;
	}

	/** @return whether the signature ignores its parent's result */
	public boolean isImmutable() {
		return this.immutable;
	}

	/** @return the declared result type used to convert the task's result */
	@Override
	public Type resultType() {
		return this.resultType;
	}

	/** @return signatures called with this task's result when it succeeds */
	public List<Signature<?>> links() {
		return this.links;
	}

	/** @return signatures called with this task's id and error when it fails */
	public List<Signature<?>> errorLinks() {
		return this.errorLinks;
	}

	/**
	 * Returns a copy with extra arguments in front of this signature's own and extra keyword arguments merged in
	 * (the new value wins). An immutable signature keeps its own arguments and keyword arguments and ignores both,
	 * as in Celery; options set on the copy afterwards still apply.
	 * @param extraArgs arguments to prepend
	 * @param extraKwargs keyword arguments to merge
	 * @return the new signature
	 */
	public Signature<R> clone(List<?> extraArgs, Map<String, ?> extraKwargs) {
		if (this.immutable) {
			return this;
		}
		List<Object> merged = new ArrayList<>(extraArgs);
		merged.addAll(args());
		Map<String, Object> mergedKwargs = new LinkedHashMap<>(this.kwargs);
		mergedKwargs.putAll(extraKwargs);
		return new Signature<>(this.taskName, merged, mergedKwargs, this.options, this.immutable, this.resultType,
				this.links, this.errorLinks);
	}

	/**
	 * Returns a copy with extra arguments in front of this signature's own (unless immutable).
	 * @param extraArgs arguments to prepend
	 * @return the new signature
	 */
	public Signature<R> clone(Object... extraArgs) {
		return clone(Arrays.asList(extraArgs), Map.of());
	}

	/**
	 * Returns an immutable copy, which ignores its parent's result and extra arguments.
	 * @return the new signature
	 */
	public Signature<R> immutable() {
		return new Signature<>(this.taskName, args(), this.kwargs, this.options, true, this.resultType, this.links,
				this.errorLinks);
	}

	/**
	 * Returns a copy with a keyword argument added.
	 * @param name the parameter name
	 * @param value the value
	 * @return the new signature
	 */
	public Signature<R> kwarg(String name, Object value) {
		Map<String, Object> merged = new LinkedHashMap<>(this.kwargs);
		merged.put(name, value);
		return new Signature<>(this.taskName, args(), merged, this.options, this.immutable, this.resultType,
				this.links, this.errorLinks);
	}

	/**
	 * Returns a copy with these options overlaid on the current ones.
	 * @param options the options to set
	 * @return the new signature
	 */
	public Signature<R> set(TaskOptions options) {
		return new Signature<>(this.taskName, args(), this.kwargs, this.options.mergedWith(options), this.immutable,
				this.resultType, this.links, this.errorLinks);
	}

	/** @param queue the queue @return a copy sent to this queue */
	public Signature<R> queue(String queue) {
		return set(TaskOptions.none().withQueue(queue));
	}

	/** @param priority 0-9, higher first @return a copy with this priority */
	public Signature<R> priority(int priority) {
		return set(TaskOptions.none().withPriority(priority));
	}

	/** @param countdown the delay @return a copy that runs no earlier than this long after sending */
	public Signature<R> countdown(Duration countdown) {
		return set(TaskOptions.none().withCountdown(countdown));
	}

	/** @param eta the earliest start @return a copy that runs no earlier than this time */
	public Signature<R> eta(Instant eta) {
		return set(TaskOptions.none().withEta(eta));
	}

	/** @param expires the expiry time @return a copy revoked if not started by then */
	public Signature<R> expires(Instant expires) {
		return set(TaskOptions.none().withExpires(expires));
	}

	/** @param taskId the id @return a copy with this caller-chosen id */
	public Signature<R> taskId(String taskId) {
		return set(TaskOptions.none().withTaskId(taskId));
	}

	/**
	 * Returns a copy with time limits for this call, beating configuration and {@code @TimeLimit}.
	 * @param soft the soft limit, or {@code null} to leave it to the task
	 * @param hard the hard limit, or {@code null} to leave it to the task
	 * @return the new signature
	 * @throws IllegalArgumentException if a limit is not positive or soft is larger than hard
	 */
	public Signature<R> timeLimits(Duration soft, Duration hard) {
		return set(TaskOptions.none().withTimeLimits(soft, hard));
	}

	/** @return a copy whose result is not stored; {@code get} on its handle returns {@code null} at once */
	public Signature<R> ignoreResult() {
		return set(TaskOptions.none().withIgnoreResult(true));
	}

	/**
	 * Returns a copy that calls {@code callback} with this task's result when it succeeds.
	 * @param callback the success callback
	 * @return the new signature
	 */
	public Signature<R> link(Signature<?> callback) {
		List<Signature<?>> merged = new ArrayList<>(this.links);
		merged.add(callback);
		return new Signature<>(this.taskName, args(), this.kwargs, this.options, this.immutable, this.resultType,
				merged, this.errorLinks);
	}

	/**
	 * Returns a copy that calls {@code errback} with this task's id and error when it fails.
	 * @param errback the error callback
	 * @return the new signature
	 */
	public Signature<R> linkError(Signature<?> errback) {
		List<Signature<?>> merged = new ArrayList<>(this.errorLinks);
		merged.add(errback);
		return new Signature<>(this.taskName, args(), this.kwargs, this.options, this.immutable, this.resultType,
				this.links, merged);
	}

	private static Object nullSafe(Object arg) {
		return (arg != null) ? arg : NullArg.INSTANCE;
	}

	@Override
	public String toString() {
		return this.taskName + args() + (this.kwargs.isEmpty() ? "" : this.kwargs);
	}

	/** Stands for a {@code null} argument inside the immutable argument list. */
	enum NullArg {

		INSTANCE

	}

}
