package dev.celerity.canvas;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A workflow with every task id chosen (frozen), as it is published and continued; one-to-one with Celery's
 * signature dictionaries, so it travels inside messages as {@link dev.celerity.message.SignatureSpec}s.
 */
sealed interface Node {

	/**
	 * One task call.
	 * @param id the task id
	 * @param task the task name
	 * @param args the JSON arguments
	 * @param kwargs the JSON keyword arguments
	 * @param options the JSON call options (queue, priority, countdown, eta, expires)
	 * @param immutable whether it ignores its parent's result
	 * @param links success callbacks
	 * @param errorLinks error callbacks
	 * @param resultType the declared result type (only known on the sending side)
	 */
	record TaskNode(String id, String task, List<Object> args, Map<String, Object> kwargs,
			Map<String, Object> options, boolean immutable, List<Node> links, List<Node> errorLinks,
			Type resultType) implements Node {

		TaskNode withLinks(List<Node> more, List<Node> moreErrors) {
			return new TaskNode(this.id, this.task, this.args, this.kwargs, this.options, this.immutable,
					concat(this.links, more), concat(this.errorLinks, moreErrors), this.resultType);
		}

	}

	/**
	 * Steps run one after the other, each receiving the previous one's result.
	 * @param steps the steps, in order
	 */
	record ChainNode(List<Node> steps) implements Node {

	}

	/**
	 * Tasks run in parallel.
	 * @param id the group id
	 * @param tasks the members, in header order
	 * @param links callbacks called once with every member's result, in order
	 */
	record GroupNode(String id, List<Node> tasks, List<Node> links) implements Node {

	}

	/**
	 * A group whose results, in header order, go to a body once every member is done.
	 * @param header the header group
	 * @param body the body
	 */
	record ChordNode(GroupNode header, Node body) implements Node {

	}

	/**
	 * Returns the id of a node's result: a task's own id, a chain's last step's, a group's id, a chord's body's.
	 * @param node the node
	 * @return the id, or {@code null} for an empty chain
	 */
	static String resultId(Node node) {
		if (node instanceof TaskNode task) {
			return task.id();
		}
		if (node instanceof ChainNode chain) {
			return chain.steps().isEmpty() ? null : resultId(chain.steps().get(chain.steps().size() - 1));
		}
		if (node instanceof GroupNode group) {
			return group.id();
		}
		return resultId(((ChordNode) node).body());
	}

	static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
		if (second.isEmpty()) {
			return List.copyOf(first);
		}
		List<T> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

}
