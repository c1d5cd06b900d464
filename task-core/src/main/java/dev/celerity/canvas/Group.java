package dev.celerity.canvas;

import java.lang.reflect.Type;
import java.util.List;

import org.springframework.util.Assert;

import dev.celerity.api.Canvas;
import dev.celerity.api.Signature;

/**
 * Tasks (or other canvases) that run in parallel; the group's result is the list of their results in the order
 * of the members. Immutable; every modifier returns a copy.
 *
 * <p>Unlike Celery, a callback {@link #link linked} to a group runs once, with every member's result, when the last
 * member is done (as the body of a chord), not with the first member's result only.
 *
 * @param <R> the result type of each member
 */
public final class Group<R> implements Canvas<List<R>> {

	private final List<Canvas<? extends R>> tasks;

	private final List<Signature<?>> links;

	private final List<Signature<?>> errorLinks;

	Group(List<? extends Canvas<? extends R>> tasks, List<Signature<?>> links, List<Signature<?>> errorLinks) {
		Assert.noNullElements(tasks, "Group members must not be null");
		this.tasks = List.copyOf(tasks);
		this.links = List.copyOf(links);
		this.errorLinks = List.copyOf(errorLinks);
	}

	/** @return the members, in order */
	public List<Canvas<? extends R>> tasks() {
		return this.tasks;
	}

	/** @return callbacks called once with the list of every member's result */
	public List<Signature<?>> links() {
		return this.links;
	}

	/** @return callbacks called with a failed member's id and error */
	public List<Signature<?>> errorLinks() {
		return this.errorLinks;
	}

	/** @return the number of members */
	public int size() {
		return this.tasks.size();
	}

	/** @return the declared type of one member's result */
	public Type memberType() {
		return this.tasks.isEmpty() ? Object.class : this.tasks.get(0).resultType();
	}

	@Override
	public Type resultType() {
		return ResultTypes.listOf(memberType());
	}

	/**
	 * Returns a copy that calls {@code callback} once with the list of every member's result, in member order.
	 * @param callback the callback
	 * @return the new group
	 */
	public Group<R> link(Signature<?> callback) {
		return new Group<>(this.tasks, Node.concat(this.links, List.of(callback)), this.errorLinks);
	}

	/**
	 * Returns a copy that calls {@code errback} with the id and error of any member that fails.
	 * @param errback the error callback
	 * @return the new group
	 */
	public Group<R> linkError(Signature<?> errback) {
		return new Group<>(this.tasks, this.links, Node.concat(this.errorLinks, List.of(errback)));
	}

	@Override
	public String toString() {
		return "group" + this.tasks;
	}

}
