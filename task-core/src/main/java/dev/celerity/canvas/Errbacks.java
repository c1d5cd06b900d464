package dev.celerity.canvas;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.celerity.canvas.Node.TaskNode;

/**
 * What an error callback is called with, and as which task: each failure runs an error callback as a task of its
 * own, with an id derived from the callback and the failure (so a repeat after a redelivery is recognised), called
 * with the id it reports and the error. A chord's error callbacks report the chord, once, whichever part of it
 * failed; every other error callback reports the task that failed, once per failed task.
 */
final class Errbacks {

	/** Option of an error callback that reports this id, once, instead of the failed task's id. */
	private static final String REPORTS = "errback_reports";

	private Errbacks() {
	}

	/**
	 * Marks an error callback to report one id, once.
	 * @param errback the frozen error callback
	 * @param id the id it reports
	 * @return the marked callback
	 */
	static Node reportingOnce(Node errback, String id) {
		if (!(errback instanceof TaskNode task) || id == null) {
			return errback;
		}
		Map<String, Object> options = new LinkedHashMap<>(task.options());
		options.put(REPORTS, id);
		return new TaskNode(task.id(), task.task(), task.args(), task.kwargs(), options, task.immutable(),
				task.links(), task.errorLinks(), task.resultType());
	}

	/**
	 * Returns the key that lets a callback marked by {@link #reportingOnce} run once, or {@code null} for a callback
	 * that runs once per failed task.
	 * @param errback the error callback
	 * @return the key, or {@code null}
	 */
	static String onceKey(TaskNode errback) {
		Object reports = errback.options().get(REPORTS);
		return (reports != null) ? reports + ":errback:" + errback.id() : null;
	}

	/**
	 * Returns the id an error callback reports.
	 * @param errback the error callback
	 * @param failedId the id of the task that failed
	 * @return the id the callback is called with
	 */
	static String reportedId(TaskNode errback, String failedId) {
		Object reports = errback.options().get(REPORTS);
		return (reports != null) ? reports.toString() : failedId;
	}

	/**
	 * Returns the task that runs an error callback for one failure.
	 * @param errback the error callback
	 * @param reportedId the id it reports
	 * @return the callback's task, with an id of its own for this failure
	 */
	static TaskNode forFailure(TaskNode errback, String reportedId) {
		Map<String, Object> options = new LinkedHashMap<>(errback.options());
		options.remove(REPORTS);
		String id = UUID.nameUUIDFromBytes((errback.id() + "/" + reportedId).getBytes(StandardCharsets.UTF_8))
			.toString();
		return new TaskNode(id, errback.task(), errback.args(), errback.kwargs(), options, errback.immutable(),
				errback.links(), errback.errorLinks(), errback.resultType());
	}

	/**
	 * Returns the error callbacks of a list of nodes that are tasks.
	 * @param nodes the nodes
	 * @return the tasks among them
	 */
	static List<TaskNode> tasks(List<Node> nodes) {
		return nodes.stream().filter(TaskNode.class::isInstance).map(TaskNode.class::cast).toList();
	}

}
