package dev.celerity.canvas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.celerity.api.Canvas;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskOptions;
import dev.celerity.canvas.Node.ChainNode;
import dev.celerity.canvas.Node.ChordNode;
import dev.celerity.canvas.Node.GroupNode;
import dev.celerity.canvas.Node.TaskNode;
import dev.celerity.message.CallOptions;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.TaskIds;

/**
 * Turns a canvas into a frozen workflow: every task and group gets its id (a caller-chosen task id is kept),
 * arguments become JSON values, nested chains are flattened, a group followed by a step becomes a chord, and
 * callbacks of chains, groups and chords move onto the tasks that will call them.
 */
final class CanvasFreezer {

	private final MessageCodec codec;

	CanvasFreezer(MessageCodec codec) {
		this.codec = codec;
	}

	Node freeze(Canvas<?> canvas) {
		if (canvas instanceof Signature<?> signature) {
			return task(signature);
		}
		if (canvas instanceof Chain<?> chain) {
			return chain(chain);
		}
		if (canvas instanceof Group<?> group) {
			List<Node> members = new ArrayList<>();
			for (Canvas<?> member : group.tasks()) {
				Node frozen = freeze(member);
				if (frozen instanceof GroupNode nested && nested.links().isEmpty()) {
					// as in Celery, a group inside a group adds its members in its place (depth first)
					members.addAll(nested.tasks());
				}
				else {
					members.add(frozen);
				}
			}
			GroupNode node = new GroupNode(TaskIds.next(), members, freezeAll(group.links()));
			return withErrorLinks(node, freezeAll(group.errorLinks()));
		}
		if (canvas instanceof Chord<?> chord) {
			GroupNode header = (GroupNode) freeze(chord.header());
			Node body = withLinks(freeze(chord.body()), freezeAll(chord.links()));
			// the chord's error callbacks report the chord (its result's id), once, whichever part of the body fails
			String chordId = Node.resultId(body);
			List<Node> errorLinks = freezeAll(chord.errorLinks()).stream()
				.map((errback) -> Errbacks.reportingOnce(errback, chordId))
				.toList();
			return new ChordNode(header, withErrorLinks(body, errorLinks));
		}
		if (canvas instanceof Chunks<?> chunks) {
			return freeze(chunks.group());
		}
		throw new IllegalArgumentException("Cannot send " + canvas.getClass().getName() + ": not a signature, chain, "
				+ "group, chord or chunks");
	}

	private Node chain(Chain<?> chain) {
		List<Node> steps = new ArrayList<>();
		for (Canvas<?> step : chain.steps()) {
			Node node = unrollGroup(freeze(step));
			List<Node> parts = (node instanceof ChainNode nested) ? nested.steps() : List.of(node);
			for (Node part : parts) {
				if (part instanceof GroupNode group && group.tasks().isEmpty() && group.links().isEmpty()) {
					// an empty group inside a chain is dropped, as in Celery
					continue;
				}
				int last = steps.size() - 1;
				if (last >= 0 && steps.get(last) instanceof GroupNode group && group.links().isEmpty()) {
					// a group followed by a step is a chord: the step receives every result at once
					steps.set(last, new ChordNode(group, part));
				}
				else {
					steps.add(part);
				}
			}
		}
		if (steps.isEmpty()) {
			return new ChainNode(List.of());
		}
		int last = steps.size() - 1;
		steps.set(last, withLinks(steps.get(last), freezeAll(chain.links())));
		List<Node> errorLinks = freezeAll(chain.errorLinks());
		steps.replaceAll((step) -> withErrorLinks(step, errorLinks));
		return (steps.size() == 1) ? steps.get(0) : new ChainNode(steps);
	}

	private TaskNode task(Signature<?> signature) {
		TaskOptions options = signature.options();
		String id = (options.taskId() != null) ? options.taskId() : TaskIds.next();
		List<Object> args = new ArrayList<>();
		signature.args().forEach((arg) -> args.add(this.codec.toJsonValue(arg)));
		Map<String, Object> kwargs = new LinkedHashMap<>();
		signature.kwargs().forEach((name, value) -> kwargs.put(name, this.codec.toJsonValue(value)));
		return new TaskNode(id, signature.taskName(), args, kwargs, CallOptions.toMap(options), signature.isImmutable(),
				freezeAll(signature.links()), freezeAll(signature.errorLinks()), signature.resultType());
	}

	/**
	 * Freezes callbacks; the same callback linked twice is held once (two signatures are the same callback when they
	 * call the same task with the same arguments and options).
	 */
	private List<Node> freezeAll(List<? extends Canvas<?>> canvases) {
		if (canvases.isEmpty()) {
			return List.of();
		}
		Map<Object, Node> distinct = new LinkedHashMap<>();
		for (Canvas<?> canvas : canvases) {
			Node frozen = freeze(canvas);
			distinct.putIfAbsent((canvas instanceof Signature<?> signature) ? sameCallKey(signature) : frozen, frozen);
		}
		return List.copyOf(distinct.values());
	}

	private static List<Object> sameCallKey(Signature<?> signature) {
		return List.of(signature.taskName(), signature.args(), signature.kwargs(), signature.options(),
				signature.isImmutable(), signature.links(), signature.errorLinks());
	}

	/**
	 * A group of one member inside a chain behaves as that member, as in Celery: its result is passed on as it is,
	 * not as a list of one.
	 */
	private static Node unrollGroup(Node node) {
		if (node instanceof GroupNode group && group.tasks().size() == 1 && group.links().isEmpty()) {
			return group.tasks().get(0);
		}
		return node;
	}

	private static Node withLinks(Node node, List<Node> links) {
		if (links.isEmpty()) {
			return node;
		}
		if (node instanceof TaskNode task) {
			return task.withLinks(links, List.of());
		}
		if (node instanceof ChainNode chain) {
			List<Node> steps = new ArrayList<>(chain.steps());
			steps.set(steps.size() - 1, withLinks(steps.get(steps.size() - 1), links));
			return new ChainNode(steps);
		}
		if (node instanceof GroupNode group) {
			return new GroupNode(group.id(), group.tasks(), Node.concat(group.links(), links));
		}
		ChordNode chord = (ChordNode) node;
		return new ChordNode(chord.header(), withLinks(chord.body(), links));
	}

	private static Node withErrorLinks(Node node, List<Node> errorLinks) {
		if (errorLinks.isEmpty()) {
			return node;
		}
		if (node instanceof TaskNode task) {
			return task.withLinks(List.of(), errorLinks);
		}
		if (node instanceof ChainNode chain) {
			return new ChainNode(chain.steps().stream().map((step) -> withErrorLinks(step, errorLinks)).toList());
		}
		if (node instanceof GroupNode group) {
			return new GroupNode(group.id(),
					group.tasks().stream().map((member) -> withErrorLinks(member, errorLinks)).toList(), group.links());
		}
		// a failed header task fails the chord, which calls the body's error callbacks
		ChordNode chord = (ChordNode) node;
		return new ChordNode(chord.header(), withErrorLinks(chord.body(), errorLinks));
	}

}
