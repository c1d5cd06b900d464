package dev.celerity.canvas;

import java.util.List;

import dev.celerity.message.GroupSlot;
import dev.celerity.message.SignatureSpec;

/**
 * What follows a task inside a workflow, as carried by its message: the remaining chain steps (the next one last),
 * the group the task belongs to and, for a chord header task, the chord's body.
 *
 * @param chain the remaining chain steps, the next one last
 * @param slot the task's place in its group, or {@code null}
 * @param chordBody the body to run when the group completes, with its own continuation, or {@code null}
 */
record Continuation(List<SignatureSpec> chain, GroupSlot slot, SignatureSpec chordBody) {

	/** Nothing follows. */
	static final Continuation NONE = new Continuation(List.of(), null, null);

	Continuation {
		chain = List.copyOf(chain);
	}

	/** @return whether the task reports to a chord once its chain is done */
	boolean isChordMember() {
		return this.slot != null && this.chordBody != null;
	}

	Continuation withChain(List<SignatureSpec> newChain) {
		return new Continuation(newChain, this.slot, this.chordBody);
	}

}
