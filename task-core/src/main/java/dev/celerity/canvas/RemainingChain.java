package dev.celerity.canvas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.celerity.backend.ChainStore;
import dev.celerity.message.ChainRef;
import dev.celerity.message.MessageEmbed;
import dev.celerity.message.SignatureSpec;
import dev.celerity.message.TaskIds;

/**
 * The one place that turns the rest of a chain into what a message carries and back: up to
 * {@link #INLINE_STEPS} remaining steps travel inline, in Celery's form (the next step last); a longer rest is
 * stored once in the {@link ChainStore} when the chain starts, and messages carry a {@link ChainRef} to it, so each
 * hop reads one step instead of decoding and encoding every remaining one.
 */
final class RemainingChain {

	/**
	 * The most remaining steps kept inline. Up to this many, encoding them into each message costs less than a
	 * store read per hop (a step is a few hundred bytes), and a short chain stays in Celery's own form.
	 */
	static final int INLINE_STEPS = 8;

	private final NodeSpecs specs;

	private final ChainStore store;

	private final Duration timeToLive;

	/**
	 * @param specs converts steps to signatures
	 * @param store where long chains are kept, or {@code null} to keep every chain inline
	 * @param timeToLive how long a stored chain is kept after it was written or last read
	 */
	RemainingChain(NodeSpecs specs, ChainStore store, Duration timeToLive) {
		this.specs = specs;
		this.store = store;
		this.timeToLive = timeToLive;
	}

	/**
	 * Returns what follows steps that run before a continuation: the steps, then the continuation's own rest.
	 * @param steps the steps, in the order they run
	 * @param after what follows them
	 * @return the continuation, the steps inline or stored
	 */
	MessageEmbed prepend(List<Node> steps, MessageEmbed after) {
		if (steps.isEmpty()) {
			return after;
		}
		int inline = after.chain().size() + steps.size();
		if (this.store != null && this.store.keepsChains() && after.chainRef() == null && inline > INLINE_STEPS) {
			List<SignatureSpec> all = new ArrayList<>(inline);
			steps.forEach((step) -> all.add(this.specs.toSpec(step)));
			for (int i = after.chain().size() - 1; i >= 0; i--) {
				all.add(after.chain().get(i));
			}
			// named after its first stored step, so a start repeated after a redelivery stores the same chain again
			String first = Node.resultId(steps.get(0));
			String id = (first != null) ? first : TaskIds.next();
			this.store.save(id, all, this.timeToLive);
			return after.withChain(List.of(), new ChainRef(id, 0, all.size()));
		}
		// a rest behind a stored chain stays inline: it is part of a chord body, as long as that body only
		List<SignatureSpec> rest = new ArrayList<>(inline);
		rest.addAll(after.chain());
		for (int i = steps.size() - 1; i >= 0; i--) {
			rest.add(this.specs.toSpec(steps.get(i)));
		}
		return after.withChain(rest, after.chainRef());
	}

	/**
	 * Returns whether a step of the chain is still to run.
	 * @param continuation what follows a task
	 * @return whether a next step follows
	 */
	boolean hasNext(MessageEmbed continuation) {
		ChainRef ref = continuation.chainRef();
		return !continuation.chain().isEmpty() || (ref != null && !ref.isExhausted());
	}

	/**
	 * Reads the next step (one store read for a stored chain).
	 * @param continuation what follows a task, with a next step
	 * @return the step and what follows it, or {@code null} if the stored chain has ended or expired (a repeat after
	 * a redelivery, once the chain has moved on)
	 */
	Next next(MessageEmbed continuation) {
		List<SignatureSpec> chain = continuation.chain();
		if (!chain.isEmpty()) {
			int last = chain.size() - 1;
			return new Next(chain.get(last), continuation.withChain(chain.subList(0, last), continuation.chainRef()));
		}
		ChainRef ref = continuation.chainRef();
		SignatureSpec step = store().step(ref.id(), ref.position(), this.timeToLive);
		return (step != null) ? new Next(step, continuation.withChain(List.of(), ref.next())) : null;
	}

	/**
	 * Reads every step still to run, at once.
	 * @param continuation what follows a task
	 * @return the steps, in the order they would have run
	 */
	List<SignatureSpec> rest(MessageEmbed continuation) {
		List<SignatureSpec> chain = continuation.chain();
		List<SignatureSpec> rest = new ArrayList<>(chain.size());
		for (int i = chain.size() - 1; i >= 0; i--) {
			rest.add(chain.get(i));
		}
		ChainRef ref = continuation.chainRef();
		if (ref != null && !ref.isExhausted()) {
			rest.addAll(store().steps(ref.id(), ref.position()));
		}
		return rest;
	}

	/**
	 * Ends the stored chain of a continuation, once nothing of it is left to run or settle.
	 * @param continuation what follows a task
	 */
	void end(MessageEmbed continuation) {
		if (continuation.chainRef() != null) {
			store().delete(continuation.chainRef().id());
		}
	}

	private ChainStore store() {
		if (this.store == null) {
			throw new IllegalStateException("A message refers to a stored chain, but no chain store is configured");
		}
		return this.store;
	}

	/**
	 * The next step of a chain and what follows it.
	 * @param step the step
	 * @param rest what follows the step
	 */
	record Next(SignatureSpec step, MessageEmbed rest) {

	}

}
