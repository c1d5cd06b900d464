package dev.celerity.canvas;

import java.lang.reflect.Type;
import java.util.List;

import dev.celerity.api.Canvas;
import dev.celerity.api.Signature;

/**
 * A group (the header) and a body that receives the header's results as one list in header order. The body runs
 * exactly once, when the last header task is done, decided atomically by the chord store; no thread waits for it.
 * A header task that fails (after its retries) fails the chord: the body never runs, its error callbacks do, and the
 * chord's result raises an error naming the failed header task. An empty header runs the body with {@code []}.
 *
 * @param <R> the body's result type
 */
public final class Chord<R> implements Canvas<R> {

	private final Group<?> header;

	private final Canvas<R> body;

	private final List<Signature<?>> links;

	private final List<Signature<?>> errorLinks;

	Chord(Group<?> header, Canvas<R> body, List<Signature<?>> links, List<Signature<?>> errorLinks) {
		this.header = header;
		this.body = body;
		this.links = List.copyOf(links);
		this.errorLinks = List.copyOf(errorLinks);
	}

	/** @return the header */
	public Group<?> header() {
		return this.header;
	}

	/** @return the body */
	public Canvas<R> body() {
		return this.body;
	}

	/** @return callbacks called with the body's result */
	public List<Signature<?>> links() {
		return this.links;
	}

	/** @return callbacks called when the body fails or the chord fails because a header task failed */
	public List<Signature<?>> errorLinks() {
		return this.errorLinks;
	}

	@Override
	public Type resultType() {
		return this.body.resultType();
	}

	/**
	 * Returns a copy that calls {@code callback} with the body's result.
	 * @param callback the success callback
	 * @return the new chord
	 */
	public Chord<R> link(Signature<?> callback) {
		return new Chord<>(this.header, this.body, Node.concat(this.links, List.of(callback)), this.errorLinks);
	}

	/**
	 * Returns a copy that calls {@code errback} with the failed task's id and error when the body or a header task
	 * fails.
	 * @param errback the error callback
	 * @return the new chord
	 */
	public Chord<R> linkError(Signature<?> errback) {
		return new Chord<>(this.header, this.body, this.links, Node.concat(this.errorLinks, List.of(errback)));
	}

	@Override
	public String toString() {
		return "chord(" + this.header + ", " + this.body + ")";
	}

}
