package dev.celerity.canvas;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

import dev.celerity.api.Canvas;
import dev.celerity.api.Signature;

/**
 * A long list of calls of one task split into chunks of {@code n}: a group of {@code ceil(items / n)} tasks, each
 * running its chunk's calls one after the other (as {@link Workflows#starmap starmap}). The result is a list of
 * lists, the last one shorter when the items do not divide evenly.
 *
 * @param <R> the task's result type
 */
public final class Chunks<R> implements Canvas<List<List<R>>> {

	private final Signature<R> task;

	private final List<List<?>> items;

	private final int size;

	Chunks(Signature<R> task, List<? extends List<?>> items, int size) {
		Assert.isTrue(size > 0, () -> "Chunk size must be positive, but was " + size);
		this.task = task;
		this.items = List.copyOf(items);
		this.size = size;
	}

	/** @return the task called for every item */
	public Signature<R> task() {
		return this.task;
	}

	/** @return the argument lists, one per call */
	public List<List<?>> items() {
		return this.items;
	}

	/** @return the most calls per chunk */
	public int chunkSize() {
		return this.size;
	}

	/**
	 * Returns the group these chunks run as: one {@code starmap} task per chunk.
	 * @return the group
	 */
	public Group<List<R>> group() {
		List<Signature<List<R>>> members = new ArrayList<>();
		for (int from = 0; from < this.items.size(); from += this.size) {
			members.add(Workflows.starmap(this.task, this.items.subList(from, Math.min(from + this.size,
					this.items.size()))));
		}
		return new Group<>(members, List.of(), List.of());
	}

	@Override
	public Type resultType() {
		return ResultTypes.listOf(ResultTypes.listOf(this.task.resultType()));
	}

	@Override
	public String toString() {
		return "chunks(" + this.task + ", " + this.items.size() + " items, " + this.size + ")";
	}

}
