package dev.celerity.canvas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.celerity.api.TaskOptions;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.Broker;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.canvas.Continuation.GroupSlot;
import dev.celerity.canvas.Node.ChainNode;
import dev.celerity.canvas.Node.ChordNode;
import dev.celerity.canvas.Node.GroupNode;
import dev.celerity.canvas.Node.TaskNode;
import dev.celerity.client.PublishInterceptor;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.DeliveryInfo;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageEmbed;
import dev.celerity.message.MessageHeaders;
import dev.celerity.message.TaskMessage;
import dev.celerity.routing.Route;
import dev.celerity.routing.Router;

/**
 * Publishes a frozen workflow: the tasks that can start now become messages carrying what follows them (the rest
 * of their chain, their group, their chord's body), so any worker of any instance can continue the workflow.
 */
final class CanvasPublisher {

	/** The built-in task that hands a group's results on as one list. */
	static final String COLLECT_TASK = "celerity.collect";

	private final MessageCodec codec;

	private final NodeSpecs specs;

	private final Router router;

	private final Broker broker;

	private final ResultBackend backend;

	private final TaskEventListener events;

	private final Clock clock;

	private final PublishInterceptor interceptor;

	CanvasPublisher(MessageCodec codec, Router router, Broker broker, ResultBackend backend, TaskEventListener events,
			Clock clock, PublishInterceptor interceptor) {
		this.interceptor = interceptor;
		this.codec = codec;
		this.specs = new NodeSpecs(codec);
		this.router = router;
		this.broker = broker;
		this.backend = backend;
		this.events = events;
		this.clock = clock;
	}

	NodeSpecs specs() {
		return this.specs;
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
	void publish(Node node, List<Object> extraArgs, Continuation continuation, Lineage lineage, boolean skipDone) {
		List<TaskMessage> messages = new ArrayList<>();
		emit(node, extraArgs, continuation, lineage, messages);
		if (skipDone) {
			messages.removeIf((message) -> this.backend.find(message.id()).filter(TaskResult::isReady).isPresent());
		}
		send(messages);
	}

	private void emit(Node node, List<Object> extra, Continuation continuation, Lineage lineage,
			List<TaskMessage> out) {
		if (node instanceof TaskNode task) {
			out.add(message(task, extra, continuation, lineage));
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

	private void emitChain(ChainNode chain, List<Object> extra, Continuation continuation, Lineage lineage,
			List<TaskMessage> out) {
		List<Node> steps = chain.steps();
		if (steps.isEmpty()) {
			return;
		}
		List<dev.celerity.message.SignatureSpec> remaining = new ArrayList<>(continuation.chain());
		for (int i = steps.size() - 1; i > 0; i--) {
			remaining.add(this.specs.toSpec(steps.get(i)));
		}
		emit(steps.get(0), extra, continuation.withChain(remaining), lineage, out);
	}

	private void emitGroup(GroupNode group, List<Object> extra, Continuation continuation, Lineage lineage,
			List<TaskMessage> out) {
		if (!group.links().isEmpty() || !continuation.chain().isEmpty() || continuation.slot() != null) {
			// something waits for the whole group: it becomes a chord whose body hands the results on as one list
			TaskNode collect = new TaskNode(group.id() + "-collect", COLLECT_TASK, List.of(), Map.of(), Map.of(),
					false, group.links(), List.of(), Object.class);
			emitChord(new ChordNode(new GroupNode(group.id(), group.tasks(), List.of()), collect), extra,
					continuation, lineage, out);
			return;
		}
		int size = group.tasks().size();
		for (int i = 0; i < size; i++) {
			emit(group.tasks().get(i), extra, new Continuation(List.of(), new GroupSlot(group.id(), i, size), null),
					lineage, out);
		}
	}

	private void emitChord(ChordNode chord, List<Object> extra, Continuation continuation, Lineage lineage,
			List<TaskMessage> out) {
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
			emit(header.tasks().get(i), extra, new Continuation(List.of(), new GroupSlot(header.id(), i, size), body),
					lineage, out);
		}
	}

	private TaskMessage message(TaskNode task, List<Object> extra, Continuation continuation, Lineage lineage) {
		List<Object> args = new ArrayList<>();
		if (!task.immutable()) {
			args.addAll(extra);
		}
		args.addAll(task.args());
		TaskOptions options = options(task.options());
		Route route = this.router.route(task.task(), args, task.kwargs(), options);
		Map<String, String> extraHeaders = new LinkedHashMap<>();
		GroupSlot slot = continuation.slot();
		if (slot != null) {
			slot.writeTo(extraHeaders);
		}
		MessageHeaders headers = new MessageHeaders(0, options.readyAt(this.clock.instant()), options.expires(),
				(lineage.rootId() != null) ? lineage.rootId() : task.id(), lineage.parentId(),
				(slot != null) ? slot.groupId() : null, extraHeaders);
		MessageEmbed embed = new MessageEmbed(this.specs.toSpecs(task.links()), this.specs.toSpecs(task.errorLinks()),
				continuation.chain(), continuation.chordBody());
		return new TaskMessage(task.id(), task.task(), args, task.kwargs(), headers,
				new DeliveryInfo(route.queue(), route.priority(), route.decidedBy()), embed);
	}

	private void send(List<TaskMessage> messages) {
		if (messages.size() == 1) {
			this.interceptor.publish(messages.get(0), (message) -> {
				boolean stored = this.broker.publish(outbound(message));
				if (stored) {
					published(message);
				}
				return stored;
			});
		}
		else if (!messages.isEmpty()) {
			sendBatch(messages);
		}
	}

	/**
	 * Sends many messages in one broker call: each passes the interceptor (which adds its headers, such as the trace
	 * context) on its way into the batch, and the batch is stored once all have passed.
	 */
	private void sendBatch(List<TaskMessage> messages) {
		List<TaskMessage> intercepted = new ArrayList<>(messages.size());
		for (TaskMessage message : messages) {
			this.interceptor.publish(message, intercepted::add);
		}
		List<OutboundMessage> outbound = new ArrayList<>(intercepted.size());
		intercepted.forEach((message) -> outbound.add(outbound(message)));
		if (this.broker.publishAll(outbound) == intercepted.size()) {
			intercepted.forEach(this::published);
		}
	}

	private OutboundMessage outbound(TaskMessage message) {
		return new OutboundMessage(message.id(), message.delivery().queue(), message.delivery().priority(),
				message.headers().eta(), this.codec.encode(message));
	}

	private void published(TaskMessage message) {
		this.events.onEvent(new TaskEvent.TaskPublished(message.id(), message.task(), message.delivery().queue(),
				message.delivery().priority(), message.headers().eta()));
	}

	private static TaskOptions options(Map<String, Object> options) {
		TaskOptions parsed = TaskOptions.none();
		if (options.get("queue") != null) {
			parsed = parsed.withQueue(options.get("queue").toString());
		}
		if (options.get("priority") instanceof Number priority) {
			parsed = parsed.withPriority(priority.intValue());
		}
		if (options.get("countdown") instanceof Number seconds) {
			parsed = parsed.withCountdown(Duration.ofMillis(Math.round(seconds.doubleValue() * 1000)));
		}
		if (options.get("eta") != null) {
			parsed = parsed.withEta(Instant.parse(options.get("eta").toString()));
		}
		if (options.get("expires") != null) {
			parsed = parsed.withExpires(Instant.parse(options.get("expires").toString()));
		}
		if (options.get("soft_time_limit") instanceof Number || options.get("time_limit") instanceof Number) {
			parsed = parsed.withTimeLimits(MessageHeaders.duration(options.get("soft_time_limit")),
					MessageHeaders.duration(options.get("time_limit")));
		}
		if (options.get("ignore_result") instanceof Boolean ignore) {
			parsed = parsed.withIgnoreResult(ignore);
		}
		return parsed;
	}

	/**
	 * Where published tasks come from.
	 * @param rootId the id of the workflow's first task, {@code null} to make each task its own root
	 * @param parentId the id of the task that publishes, or {@code null}
	 */
	record Lineage(String rootId, String parentId) {

	}

}
