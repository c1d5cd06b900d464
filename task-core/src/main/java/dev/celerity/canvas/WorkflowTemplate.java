package dev.celerity.canvas;

import java.util.List;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Canvas;

/**
 * Sends workflows (chains, groups, chords, chunks, or single signatures): the whole workflow travels inside its
 * messages, so any worker of any instance continues it.
 */
public interface WorkflowTemplate {

	/**
	 * Sends a workflow.
	 * @param <R> the final result type
	 * @param canvas the workflow
	 * @return the final result; for a chain, {@link AsyncResult#parent()} walks back through the earlier steps, and
	 * a chord's result has the header's {@link GroupResult} as its parent; {@code null} for a chain with no steps
	 * (once empty groups are dropped), which sends nothing
	 */
	<R> AsyncResult<R> send(Canvas<R> canvas);

	/**
	 * Sends a group.
	 * @param <R> the members' result type
	 * @param group the group
	 * @return the members' results in member order
	 */
	<R> GroupResult<R> send(Group<R> group);

	/**
	 * Sends chunks, as their group of starmap tasks.
	 * @param <R> the task's result type
	 * @param chunks the chunks
	 * @return one result per chunk, each a list of the chunk's results
	 */
	default <R> GroupResult<List<R>> send(Chunks<R> chunks) {
		return send(chunks.group());
	}

}
