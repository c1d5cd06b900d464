package dev.celerity.canvas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.celerity.canvas.Node.ChainNode;
import dev.celerity.canvas.Node.ChordNode;
import dev.celerity.canvas.Node.GroupNode;
import dev.celerity.canvas.Node.TaskNode;
import dev.celerity.message.ChainRef;
import dev.celerity.message.GroupSlot;
import dev.celerity.message.MessageEmbed;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.SignatureSpec;
import dev.celerity.message.TaskIds;

/**
 * Converts frozen workflows to and from the signature dictionaries carried by messages, in Celery's shapes: a
 * task's id and callbacks in its options ({@code task_id}, {@code link}, {@code link_error}), a chain's and a
 * group's members in {@code kwargs.tasks}, a chord's parts in {@code kwargs.header} and {@code kwargs.body}.
 */
final class NodeSpecs {

	private static final String TASK_ID = "task_id";

	private static final String LINK = "link";

	private static final String LINK_ERROR = "link_error";

	private static final String GROUP_ID = "group_id";

	private static final String CHORD = "chord";

	private static final String CHAIN_REF = "chain_ref";

	private final MessageCodec codec;

	NodeSpecs(MessageCodec codec) {
		this.codec = codec;
	}

	SignatureSpec toSpec(Node node) {
		if (node instanceof TaskNode task) {
			Map<String, Object> options = new LinkedHashMap<>(task.options());
			options.put(TASK_ID, task.id());
			putSpecs(options, LINK, task.links());
			putSpecs(options, LINK_ERROR, task.errorLinks());
			return new SignatureSpec(task.task(), task.args(), task.kwargs(), options, task.immutable(), null);
		}
		if (node instanceof ChainNode chain) {
			return new SignatureSpec("celery.chain", List.of(), Map.of("tasks", toSpecs(chain.steps())), Map.of(),
					false, "chain");
		}
		if (node instanceof GroupNode group) {
			Map<String, Object> options = new LinkedHashMap<>();
			options.put(TASK_ID, group.id());
			putSpecs(options, LINK, group.links());
			return new SignatureSpec("celery.group", List.of(), Map.of("tasks", toSpecs(group.tasks())), options,
					false, "group");
		}
		ChordNode chord = (ChordNode) node;
		return new SignatureSpec("celery.chord", List.of(),
				Map.of("header", toSpec(chord.header()), "body", toSpec(chord.body())), Map.of(), false, "chord");
	}

	List<SignatureSpec> toSpecs(List<Node> nodes) {
		return nodes.stream().map(this::toSpec).toList();
	}

	Node toNode(SignatureSpec spec) {
		String type = (spec.subtaskType() != null) ? spec.subtaskType() : "";
		return switch (type) {
			case "chain" -> new ChainNode(toNodes(spec.kwargs().get("tasks")));
			case "group" -> new GroupNode(idOf(spec), toNodes(spec.kwargs().get("tasks")),
					toNodes(spec.options().get(LINK)));
			case "chord" -> new ChordNode((GroupNode) toNode(specOf(spec.kwargs().get("header"))),
					toNode(specOf(spec.kwargs().get("body"))));
			case "" -> taskNode(spec);
			default -> throw new IllegalArgumentException("Unknown canvas type '" + type + "' in " + spec);
		};
	}

	/**
	 * Packs a node with the continuation it must honour when it runs later (a chord body) into one signature: the
	 * inline rest of the chain joins the node as a chain, the stored rest, the group and the chord it reports to
	 * travel in its options.
	 */
	SignatureSpec attach(Node node, MessageEmbed continuation) {
		Node whole = node;
		if (!continuation.chain().isEmpty()) {
			List<Node> steps = new ArrayList<>();
			steps.add(node);
			List<SignatureSpec> rest = continuation.chain();
			for (int i = rest.size() - 1; i >= 0; i--) {
				steps.add(toNode(rest.get(i)));
			}
			whole = new ChainNode(steps);
		}
		SignatureSpec spec = toSpec(whole);
		GroupSlot slot = continuation.slot();
		if (slot == null && continuation.chainRef() == null) {
			return spec;
		}
		Map<String, Object> options = new LinkedHashMap<>(spec.options());
		if (slot != null) {
			options.put(GROUP_ID, slot.groupId());
			options.put(GroupSlot.GROUP_INDEX, slot.index());
			options.put(GroupSlot.CHORD_SIZE, slot.size());
			if (continuation.chord() != null) {
				options.put(CHORD, continuation.chord());
			}
		}
		if (continuation.chainRef() != null) {
			options.put(CHAIN_REF, continuation.chainRef());
		}
		return new SignatureSpec(spec.task(), spec.args(), spec.kwargs(), options, spec.immutable(),
				spec.subtaskType());
	}

	/**
	 * Unpacks a signature packed by {@link #attach}: the node, and the stored chain, group and chord it continues
	 * with.
	 */
	Attached detach(Object value) {
		SignatureSpec spec = specOf(value);
		Map<String, Object> options = spec.options();
		GroupSlot slot = null;
		SignatureSpec chord = null;
		if (options.get(GROUP_ID) != null) {
			slot = new GroupSlot(String.valueOf(options.get(GROUP_ID)), intOf(options.get(GroupSlot.GROUP_INDEX)),
					intOf(options.get(GroupSlot.CHORD_SIZE)));
			Object packed = options.get(CHORD);
			chord = (packed != null) ? specOf(packed) : null;
		}
		Object ref = options.get(CHAIN_REF);
		ChainRef chainRef = (ref != null) ? this.codec.convert(ref, ChainRef.class) : null;
		MessageEmbed continuation = (slot == null && chainRef == null) ? MessageEmbed.EMPTY
				: new MessageEmbed(List.of(), List.of(), List.of(), chainRef, chord, slot);
		return new Attached(toNode(spec), continuation);
	}

	SignatureSpec specOf(Object value) {
		return this.codec.convert(value, SignatureSpec.class);
	}

	private TaskNode taskNode(SignatureSpec spec) {
		Map<String, Object> options = new LinkedHashMap<>(spec.options());
		String id = (String) options.remove(TASK_ID);
		List<Node> links = toNodes(options.remove(LINK));
		List<Node> errorLinks = toNodes(options.remove(LINK_ERROR));
		for (String key : List.of(GROUP_ID, GroupSlot.GROUP_INDEX, GroupSlot.CHORD_SIZE, CHORD, CHAIN_REF)) {
			options.remove(key);
		}
		return new TaskNode((id != null) ? id : TaskIds.next(), spec.task(), spec.args(), spec.kwargs(), options,
				spec.immutable(), links, errorLinks, Object.class);
	}

	List<Node> nodesOf(List<SignatureSpec> specs) {
		return specs.stream().map(this::toNode).toList();
	}

	private List<Node> toNodes(Object specs) {
		if (!(specs instanceof List<?> list)) {
			return List.of();
		}
		List<Node> nodes = new ArrayList<>(list.size());
		for (Object element : list) {
			nodes.add(toNode(specOf(element)));
		}
		return nodes;
	}

	private void putSpecs(Map<String, Object> options, String key, List<Node> nodes) {
		if (!nodes.isEmpty()) {
			options.put(key, toSpecs(nodes));
		}
	}

	private static String idOf(SignatureSpec spec) {
		Object id = spec.options().get(TASK_ID);
		return (id != null) ? id.toString() : TaskIds.next();
	}

	private static int intOf(Object value) {
		return (value instanceof Number number) ? number.intValue() : Integer.parseInt(String.valueOf(value));
	}

	/**
	 * A node and the continuation packed with it.
	 * @param node the node
	 * @param continuation the stored chain, group and chord it continues with, {@link MessageEmbed#EMPTY} if none
	 */
	record Attached(Node node, MessageEmbed continuation) {

	}

}
