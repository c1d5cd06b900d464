package dev.celerity.canvas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.celerity.backend.ChainStore;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.canvas.Node.ChainNode;
import dev.celerity.canvas.Node.ChordNode;
import dev.celerity.canvas.Node.GroupNode;
import dev.celerity.canvas.Node.TaskNode;
import dev.celerity.message.CallOptions;
import dev.celerity.message.GroupSlot;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageEmbed;
import dev.celerity.publish.Lineage;
import dev.celerity.publish.OutboundCall;
import dev.celerity.publish.TaskPublisher;

/**
 * Starts a frozen workflow: the tasks that can start now become calls carrying what follows them (the rest of their
 * chain, their group, their chord's body), published through the {@link TaskPublisher}, so any worker of any
 * instance can continue the workflow. A long rest of a chain is stored once, as {@link RemainingChain} decides.
 */
final class WorkflowStarter {

	/** The built-in task that hands a group's results on as one list. */
	static final String COLLECT_TASK = "celery.collect";

	private final NodeSpecs specs;

	private final TaskPublisher publisher;

	private final ResultBackend backend;

	private final RemainingChain chains;

	/**
	 * @param codec the message codec
	 * @param publisher publishes the calls
	 * @param backend where results are read (to skip finished steps)
	 * @param chainStore where long chains are kept, or {@code null} to keep every chain inline
	 * @param timeToLive how long stored chains are kept
	 */
	WorkflowStarter(MessageCodec codec, TaskPublisher publisher, ResultBackend backend, ChainStore chainStore,
			Duration timeToLive) {
		this.specs = new NodeSpecs(codec);
		this.publisher = publisher;
		this.backend = backend;
		this.chains = new RemainingChain(this.specs, chainStore, timeToLive);
	}

	NodeSpecs specs() {
		return this.specs;
	}

	RemainingChain chains() {
		return this.chains;
	}

	/**
	 * Publishes the tasks of a node that can start now.
	 * @param node the workflow
	 * @param extraArgs arguments to prepend (a parent's result), ignored by immutable tasks
	 * @param continuation what follows the node
	 * @param lineage the root and parent task ids
	 * @param skipDone whether to leave out tasks whose result is already final (a continuation repeated after a
	 * redelivery must not run a finished step twice)
	 */
	void publish(Node node, List<Object> extraArgs, MessageEmbed continuation, Lineage lineage, boolean skipDone) {
		List<OutboundCall> calls = new ArrayList<>();
		emit(node, extraArgs, continuation, lineage, calls);
		if (skipDone) {
			calls.removeIf((call) -> this.backend.find(call.id()).filter(TaskResult::isReady).isPresent());
		}
		this.publisher.publishAll(calls);
	}

	private void emit(Node node, List<Object> extra, MessageEmbed continuation, Lineage lineage,
			List<OutboundCall> out) {
		if (node instanceof TaskNode task) {
			out.add(call(task, extra, continuation, lineage));
		}
		else if (node instanceof ChainNode chain) {
			emitChain(chain, extra, continuation, lineage, out);
		}
		else if (node instanceof GroupNode group) {
			emitGroup(group, extra, continuation, lineage, out);
		}
		else {
			emitChord((ChordNode) node, extra, continuation, lineage, out);
		}
	}

	private void emitChain(ChainNode chain, List<Object> extra, MessageEmbed continuation, Lineage lineage,
			List<OutboundCall> out) {
		List<Node> steps = chain.steps();
		if (steps.isEmpty()) {
			return;
		}
		emit(steps.get(0), extra, this.chains.prepend(steps.subList(1, steps.size()), continuation), lineage, out);
	}

	private void emitGroup(GroupNode group, List<Object> extra, MessageEmbed continuation, Lineage lineage,
			List<OutboundCall> out) {
		if (!group.links().isEmpty() || !continuation.chain().isEmpty() || continuation.chainRef() != null
				|| continuation.slot() != null) {
			// something waits for the whole group: it becomes a chord whose body hands the results on as one list
			TaskNode collect = new TaskNode(group.id() + "-collect", COLLECT_TASK, List.of(), Map.of(), Map.of(),
					false, group.links(), List.of(), Object.class);
			emitChord(new ChordNode(new GroupNode(group.id(), group.tasks(), List.of()), collect), extra,
					continuation, lineage, out);
			return;
		}
		int size = group.tasks().size();
		for (int i = 0; i < size; i++) {
			emit(group.tasks().get(i), extra, MessageEmbed.inGroup(new GroupSlot(group.id(), i, size), null), lineage,
					out);
		}
	}

	private void emitChord(ChordNode chord, List<Object> extra, MessageEmbed continuation, Lineage lineage,
			List<OutboundCall> out) {
		GroupNode header = chord.header();
		int size = header.tasks().size();
		if (size == 0) {
			List<Object> noResults = new ArrayList<>();
			noResults.add(List.of());
			emit(chord.body(), noResults, continuation, lineage, out);
			return;
		}
		var body = this.specs.attach(chord.body(), continuation);
		for (int i = 0; i < size; i++) {
			emit(header.tasks().get(i), extra, MessageEmbed.inGroup(new GroupSlot(header.id(), i, size), body), lineage,
					out);
		}
	}

	private OutboundCall call(TaskNode task, List<Object> extra, MessageEmbed continuation, Lineage lineage) {
		List<Object> args = new ArrayList<>();
		if (!task.immutable()) {
			args.addAll(extra);
		}
		args.addAll(task.args());
		MessageEmbed embed = continuation.withCallbacks(this.specs.toSpecs(task.links()),
				this.specs.toSpecs(task.errorLinks()));
		return new OutboundCall(task.id(), task.task(), args, task.kwargs(), CallOptions.fromMap(task.options()), embed,
				lineage);
	}

}
