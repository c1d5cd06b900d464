package dev.celerity.canvas;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Canvas;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskTemplate;
import dev.celerity.backend.ChainStore;
import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.canvas.Node.ChainNode;
import dev.celerity.canvas.Node.ChordNode;
import dev.celerity.canvas.Node.GroupNode;
import dev.celerity.canvas.Node.TaskNode;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageEmbed;
import dev.celerity.publish.Lineage;
import dev.celerity.publish.PublishInterceptor;
import dev.celerity.publish.TaskPublisher;
import dev.celerity.routing.Router;

/**
 * The {@link WorkflowTemplate}: freezes a workflow (chooses every id), publishes the tasks that can start now with
 * their continuation, and returns result handles for every step.
 */
public class DefaultWorkflowTemplate implements WorkflowTemplate {

	private final TaskTemplate tasks;

	private final CanvasFreezer freezer;

	private final WorkflowStarter starter;

	/**
	 * Creates a template.
	 * @param tasks the task template, which reads results
	 * @param codec the message codec
	 * @param router decides queue and priority
	 * @param broker where messages go
	 * @param backend where results are read
	 * @param events where published events go
	 * @param clock the clock for countdowns
	 */
	public DefaultWorkflowTemplate(TaskTemplate tasks, MessageCodec codec, Router router, Broker broker,
			ResultBackend backend, TaskEventListener events, Clock clock) {
		this(tasks, codec, router, broker, backend, events, clock, PublishInterceptor.NONE);
	}

	/**
	 * Creates a template whose messages pass a publish interceptor (which carries the trace context, for example).
	 * @param tasks the task template, which reads results
	 * @param codec the message codec
	 * @param router decides queue and priority
	 * @param broker where messages go
	 * @param backend where results are read
	 * @param events where published events go
	 * @param clock the clock for countdowns
	 * @param interceptor wraps the publishing of each message
	 */
	public DefaultWorkflowTemplate(TaskTemplate tasks, MessageCodec codec, Router router, Broker broker,
			ResultBackend backend, TaskEventListener events, Clock clock, PublishInterceptor interceptor) {
		this(tasks, codec, new TaskPublisher(codec, router, broker, events, clock, interceptor), backend);
	}

	/**
	 * Creates a template that publishes through a shared publisher and keeps every chain inline in its messages.
	 * @param tasks the task template, which reads results
	 * @param codec the message codec
	 * @param publisher publishes every task of a workflow
	 * @param backend where results are read
	 */
	public DefaultWorkflowTemplate(TaskTemplate tasks, MessageCodec codec, TaskPublisher publisher,
			ResultBackend backend) {
		this(tasks, codec, publisher, backend, null, Duration.ZERO);
	}

	/**
	 * Creates a template that publishes through a shared publisher and stores the rest of a long chain once, when it
	 * starts, so that its messages carry a reference instead of every remaining step.
	 * @param tasks the task template, which reads results
	 * @param codec the message codec
	 * @param publisher publishes every task of a workflow
	 * @param backend where results are read
	 * @param chainStore where long chains are kept (the one the workers' {@link CanvasOutcomeHandler} reads), or
	 * {@code null} to keep every chain inline
	 * @param timeToLive how long a stored chain is kept after it was written or last read (the results' time to live)
	 */
	public DefaultWorkflowTemplate(TaskTemplate tasks, MessageCodec codec, TaskPublisher publisher,
			ResultBackend backend, ChainStore chainStore, Duration timeToLive) {
		this.tasks = tasks;
		this.freezer = new CanvasFreezer(codec);
		this.starter = new WorkflowStarter(codec, publisher, backend, chainStore, timeToLive);
	}

	@Override
	public <R> AsyncResult<R> send(Canvas<R> canvas) {
		if (canvas instanceof Signature<R> signature) {
			// a single task is sent as the task template sends it, so its handle knows an ignored result
			return this.tasks.send(signature);
		}
		Node node = this.freezer.freeze(canvas);
		if (node instanceof ChainNode chain && chain.steps().isEmpty()) {
			return null;
		}
		this.starter.publish(node, List.of(), MessageEmbed.EMPTY, Lineage.ofCaller(firstTaskId(node)), false);
		@SuppressWarnings("unchecked")
		AsyncResult<R> result = (AsyncResult<R>) handle(node, null);
		return result;
	}

	@Override
	public <R> GroupResult<R> send(Group<R> group) {
		return (GroupResult<R>) send((Canvas<List<R>>) group);
	}

	private AsyncResult<?> handle(Node node, AsyncResult<?> parent) {
		if (node instanceof TaskNode task) {
			AsyncResult<?> result = this.tasks.result(task.id(), task.resultType());
			return (parent != null) ? new LinkedResult<>(result, parent) : result;
		}
		if (node instanceof ChainNode chain) {
			AsyncResult<?> previous = parent;
			for (Node step : chain.steps()) {
				previous = handle(step, previous);
			}
			return previous;
		}
		if (node instanceof GroupNode group) {
			List<AsyncResult<Object>> members = new ArrayList<>();
			for (Node member : group.tasks()) {
				@SuppressWarnings("unchecked")
				AsyncResult<Object> result = (AsyncResult<Object>) handle(member, null);
				members.add(result);
			}
			return new GroupResult<>(group.id(), members, parent);
		}
		ChordNode chord = (ChordNode) node;
		return handle(chord.body(), handle(chord.header(), parent));
	}

	private static String firstTaskId(Node node) {
		if (node instanceof TaskNode task) {
			return task.id();
		}
		if (node instanceof ChainNode chain) {
			return firstTaskId(chain.steps().get(0));
		}
		if (node instanceof GroupNode group) {
			return group.tasks().isEmpty() ? group.id() : firstTaskId(group.tasks().get(0));
		}
		ChordNode chord = (ChordNode) node;
		return chord.header().tasks().isEmpty() ? firstTaskId(chord.body()) : firstTaskId(chord.header());
	}

}
