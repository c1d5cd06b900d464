package dev.celerity.canvas;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.celerity.api.RemoteError;
import dev.celerity.api.TaskRevokedException;
import dev.celerity.api.TaskState;
import dev.celerity.backend.ChainStore;
import dev.celerity.backend.ChordProgress;
import dev.celerity.backend.ChordStore;
import dev.celerity.backend.ResultBackend;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.Broker;
import dev.celerity.canvas.Node.ChainNode;
import dev.celerity.canvas.Node.ChordNode;
import dev.celerity.canvas.Node.GroupNode;
import dev.celerity.canvas.Node.TaskNode;
import dev.celerity.canvas.NodeSpecs.Attached;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.GroupSlot;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageEmbed;
import dev.celerity.message.MessageTooLargeException;
import dev.celerity.message.SignatureSpec;
import dev.celerity.message.TaskMessage;
import dev.celerity.publish.Lineage;
import dev.celerity.publish.PublishInterceptor;
import dev.celerity.publish.TaskPublisher;
import dev.celerity.routing.Router;
import dev.celerity.worker.TaskOutcomeHandler;

/**
 * Continues workflows on the worker, after a task's outcome is stored and before its message is acknowledged: it
 * publishes the next chain step and the success callbacks, counts chord header tasks and starts the body after the
 * last one, and on a failure or revoke runs the error callbacks and settles every step that will now never run.
 *
 * <p>Everything it needs travels in the message or, for the steps of a long chain, in the shared chain store, so any
 * worker of any instance continues any workflow; a repeat after a redelivery skips steps whose results are already
 * final.
 */
public class CanvasOutcomeHandler implements TaskOutcomeHandler {

	private final WorkflowStarter publisher;

	private final NodeSpecs specs;

	private final RemainingChain chains;

	private final ChordStore chords;

	private final ResultBackend backend;

	private final MessageCodec codec;

	private final Duration timeToLive;

	private final Clock clock;

	/**
	 * Creates a handler.
	 * @param codec the message codec
	 * @param router decides queue and priority of the published steps
	 * @param broker where the following steps go
	 * @param backend where states of steps that will never run are stored
	 * @param chords counts chord header tasks
	 * @param events where the published events go
	 * @param timeToLive how long results and chord states are kept
	 * @param clock the clock
	 */
	public CanvasOutcomeHandler(MessageCodec codec, Router router, Broker broker, ResultBackend backend,
			ChordStore chords, TaskEventListener events, Duration timeToLive, Clock clock) {
		this(codec, router, broker, backend, chords, events, timeToLive, clock, PublishInterceptor.NONE);
	}

	/**
	 * Creates a handler whose published steps pass a publish interceptor, so that they carry the running task's
	 * trace context like messages sent through the task template.
	 * @param codec the message codec
	 * @param router decides queue and priority of the published steps
	 * @param broker where the following steps go
	 * @param backend where states of steps that will never run are stored
	 * @param chords counts chord header tasks
	 * @param events where the published events go
	 * @param timeToLive how long results and chord states are kept
	 * @param clock the clock
	 * @param interceptor wraps the publishing of each step
	 */
	public CanvasOutcomeHandler(MessageCodec codec, Router router, Broker broker, ResultBackend backend,
			ChordStore chords, TaskEventListener events, Duration timeToLive, Clock clock,
			PublishInterceptor interceptor) {
		this(codec, new TaskPublisher(codec, router, broker, events, clock, interceptor), backend, chords, timeToLive,
				clock);
	}

	/**
	 * Creates a handler that publishes through a shared publisher and keeps every chain inline in its messages.
	 * @param codec the message codec
	 * @param publisher publishes the following steps and callbacks
	 * @param backend where states of steps that will never run are stored
	 * @param chords counts chord header tasks
	 * @param timeToLive how long results and chord states are kept
	 * @param clock the clock
	 */
	public CanvasOutcomeHandler(MessageCodec codec, TaskPublisher publisher, ResultBackend backend, ChordStore chords,
			Duration timeToLive, Clock clock) {
		this(codec, publisher, backend, chords, null, timeToLive, clock);
	}

	/**
	 * Creates a handler that publishes through a shared publisher and reads the steps of long chains from a chain
	 * store.
	 * @param codec the message codec
	 * @param publisher publishes the following steps and callbacks
	 * @param backend where states of steps that will never run are stored
	 * @param chords counts chord header tasks
	 * @param chainStore where long chains are kept (the one the workflow template stores them in), or {@code null}
	 * to keep every chain inline
	 * @param timeToLive how long results, chord states and stored chains are kept
	 * @param clock the clock
	 */
	public CanvasOutcomeHandler(MessageCodec codec, TaskPublisher publisher, ResultBackend backend, ChordStore chords,
			ChainStore chainStore, Duration timeToLive, Clock clock) {
		this.publisher = new WorkflowStarter(codec, publisher, backend, chainStore, timeToLive);
		this.specs = this.publisher.specs();
		this.chains = this.publisher.chains();
		this.chords = chords;
		this.backend = backend;
		this.codec = codec;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	/**
	 * A task continues a workflow when its message carries callbacks, a chain or a chord, or it belongs to a group.
	 */
	@Override
	public boolean continuesAfter(TaskMessage message) {
		return !message.embed().isEmpty() || message.headers().group() != null;
	}

	@Override
	public void onSuccess(TaskMessage message, Object result) {
		MessageEmbed continuation = message.embed();
		Lineage lineage = Lineage.after(message);
		try {
			continueAfter(result, continuation, lineage);
		}
		catch (MessageTooLargeException ex) {
			// the next step can never be sent (the result made it too large): fail what follows rather than
			// leaving the message unacknowledged, which would run this task again and again
			abandon(continuation, message.id(), message.task(), RemoteError.of(ex), TaskState.FAILURE, null, lineage);
		}
	}

	private void continueAfter(Object result, MessageEmbed continuation, Lineage lineage) {
		List<Object> resultArg = singleArg(result);
		for (SignatureSpec callback : continuation.callbacks()) {
			publish(callback, resultArg, MessageEmbed.EMPTY, lineage);
		}
		if (this.chains.hasNext(continuation)) {
			RemainingChain.Next next = this.chains.next(continuation);
			// no next step: the stored chain has ended (this is a repeat after a redelivery) or expired
			if (next != null) {
				publish(next.step(), resultArg, next.rest(), lineage);
			}
			return;
		}
		this.chains.end(continuation);
		if (continuation.isChordMember()) {
			GroupSlot slot = continuation.slot();
			ChordProgress progress = this.chords.complete(slot.groupId(), slot.index(), slot.size(), result,
					this.timeToLive);
			if (progress.isComplete()) {
				publish(continuation.chord(), singleArg(progress.results()), MessageEmbed.EMPTY, lineage);
			}
		}
	}

	@Override
	public void onFailure(TaskMessage message, RemoteError error) {
		settleAbandoned(message, error, TaskState.FAILURE, null);
	}

	@Override
	public void onRevoked(TaskMessage message, String reason) {
		RemoteError error = new RemoteError(TaskRevokedException.class.getName(),
				"Task " + message.id() + " was revoked: " + reason, List.of());
		settleAbandoned(message, error, TaskState.REVOKED, reason);
	}

	private void settleAbandoned(TaskMessage message, RemoteError error, TaskState state, String reason) {
		Lineage lineage = Lineage.after(message);
		runErrbacks(this.specs.nodesOf(message.embed().errbacks()), message.id(), error, lineage);
		abandon(message.embed(), message.id(), message.task(), error, state, reason, lineage);
	}

	/**
	 * Publishes error callbacks for one failure, each as a task of its own: a chord's callbacks once for the chord,
	 * every other callback once per failed task.
	 */
	private void runErrbacks(List<Node> errbacks, String failedId, RemoteError error, Lineage lineage) {
		for (TaskNode errback : Errbacks.tasks(errbacks)) {
			String onceKey = Errbacks.onceKey(errback);
			if (onceKey != null && !this.chords.fail(onceKey, this.timeToLive)) {
				continue;
			}
			String reported = Errbacks.reportedId(errback, failedId);
			this.publisher.publish(Errbacks.forFailure(errback, reported), errbackArgs(reported, error),
					MessageEmbed.EMPTY, lineage, true);
		}
	}

	/**
	 * Settles what would have followed a task that failed or was revoked: the rest of its chain never runs, and a
	 * chord it belongs to fails (its body's error callbacks run, once).
	 */
	private void abandon(MessageEmbed continuation, String failedId, String failedTask, RemoteError error,
			TaskState state, String reason, Lineage lineage) {
		// in the order the steps would have run, so that the chain's last result is settled last
		for (SignatureSpec step : this.chains.rest(continuation)) {
			settle(this.specs.toNode(step), error, state, reason);
		}
		this.chains.end(continuation);
		if (!continuation.isChordMember() || !this.chords.fail(continuation.slot().groupId(), this.timeToLive)) {
			return;
		}
		RemoteError chordError = new RemoteError(error.type(), "Chord header task " + failedId + " (" + failedTask
				+ ") failed: " + ((error.message() != null) ? error.message() : error.type()), error.stackTrace());
		Attached body = this.specs.detach(continuation.chord());
		// as in Celery, the body's error callbacks are called with the chord's id; the error names the failed task
		runErrbacks(errorLinksOf(body.node()), Node.resultId(body.node()), chordError, lineage);
		settle(body.node(), chordError, state, reason);
		abandon(body.continuation(), failedId, failedTask, error, state, reason, lineage);
	}

	private void settle(Node node, RemoteError error, TaskState state, String reason) {
		if (node instanceof TaskNode task) {
			Map<String, Object> meta = (reason != null) ? Map.of("reason", error.message()) : Map.of();
			this.backend.store(new TaskResult(task.id(), task.task(), state.name(), null, meta,
					TaskState.FAILURE.equals(state) ? error : null, this.clock.instant()), this.timeToLive);
		}
		else if (node instanceof ChainNode chain) {
			chain.steps().forEach((step) -> settle(step, error, state, reason));
		}
		else if (node instanceof GroupNode group) {
			group.tasks().forEach((member) -> settle(member, error, state, reason));
		}
		else if (node instanceof ChordNode chord) {
			settle(chord.header(), error, state, reason);
			settle(chord.body(), error, state, reason);
		}
	}

	private static List<Node> errorLinksOf(Node node) {
		if (node instanceof TaskNode task) {
			return task.errorLinks();
		}
		if (node instanceof ChainNode chain) {
			return chain.steps().isEmpty() ? List.of() : errorLinksOf(chain.steps().get(0));
		}
		if (node instanceof ChordNode chord) {
			return errorLinksOf(chord.body());
		}
		Map<String, Node> unique = new LinkedHashMap<>();
		for (Node member : ((GroupNode) node).tasks()) {
			for (Node errback : errorLinksOf(member)) {
				unique.putIfAbsent((errback instanceof TaskNode task) ? task.id() : errback.toString(), errback);
			}
		}
		return new ArrayList<>(unique.values());
	}

	private void publish(Object spec, List<Object> args, MessageEmbed continuation, Lineage lineage) {
		Attached attached = this.specs.detach(spec);
		// a packed signature (a chord body) is published on its own and carries what follows it
		MessageEmbed packed = attached.continuation();
		MessageEmbed merged = (packed.slot() != null || packed.chainRef() != null) ? packed : continuation;
		this.publisher.publish(attached.node(), args, merged, lineage, true);
	}

	private List<Object> errbackArgs(String taskId, RemoteError error) {
		List<Object> args = new ArrayList<>(2);
		args.add(taskId);
		args.add(this.codec.toJsonValue(error));
		return args;
	}

	private static List<Object> singleArg(Object value) {
		List<Object> args = new ArrayList<>(1);
		args.add(value);
		return args;
	}

}
