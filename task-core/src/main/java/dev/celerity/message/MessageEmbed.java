package dev.celerity.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What follows a task inside a workflow, in memory and on the wire (the third element of Celery's body): the success
 * and error callbacks, the remaining chain, the chord body the task reports to and the task's place in its group.
 *
 * <p>The remaining chain is the inline {@code chain} (the next step last, as in Celery) followed by the steps of a
 * stored chain from {@code chainRef}'s position, if any: short chains travel inline, long ones are kept once in the
 * chain store. The group slot travels in the message headers ({@code group}, {@code group_index},
 * {@code chord_size}, see {@link GroupSlot}), never in the embed itself; {@link TaskMessage} fills it in from them.
 *
 * @param callbacks signatures called with the result on success
 * @param errbacks signatures called with the task id and error on failure
 * @param chain the remaining inline chain steps, the next one last (as in Celery)
 * @param chainRef the stored part of the remaining chain, run after the inline steps, or {@code null}
 * @param chord the chord body to run when this task's group completes, or {@code null}
 * @param slot the task's place in its group, or {@code null} (carried by the headers)
 */
public record MessageEmbed(List<SignatureSpec> callbacks, List<SignatureSpec> errbacks, List<SignatureSpec> chain,
		ChainRef chainRef, SignatureSpec chord, @JsonIgnore GroupSlot slot) {

	/** No continuation. */
	public static final MessageEmbed EMPTY = new MessageEmbed(List.of(), List.of(), List.of(), null, null, null);

	public MessageEmbed {
		callbacks = (callbacks != null) ? List.copyOf(callbacks) : List.of();
		errbacks = (errbacks != null) ? List.copyOf(errbacks) : List.of();
		chain = (chain != null) ? List.copyOf(chain) : List.of();
	}

	/**
	 * Creates an embed in Celery's shape: callbacks, error callbacks, an inline chain and a chord body.
	 * @param callbacks signatures called with the result on success
	 * @param errbacks signatures called with the task id and error on failure
	 * @param chain the remaining chain steps, the next one last
	 * @param chord the chord body, or {@code null}
	 */
	public MessageEmbed(List<SignatureSpec> callbacks, List<SignatureSpec> errbacks, List<SignatureSpec> chain,
			SignatureSpec chord) {
		this(callbacks, errbacks, chain, null, chord, null);
	}

	/**
	 * Returns the embed of a task that reports to a group (and to a chord body, if it has one).
	 * @param slot the task's place in its group
	 * @param chord the chord body, or {@code null}
	 * @return the embed
	 */
	public static MessageEmbed inGroup(GroupSlot slot, SignatureSpec chord) {
		return new MessageEmbed(List.of(), List.of(), List.of(), null, chord, slot);
	}

	/** @return whether no callback, chain step or chord follows the task (its group slot aside) */
	@JsonIgnore
	public boolean isEmpty() {
		return this.callbacks.isEmpty() && this.errbacks.isEmpty() && this.chain.isEmpty() && this.chainRef == null
				&& this.chord == null;
	}

	/** @return whether the task reports to a chord once its chain is done */
	@JsonIgnore
	public boolean isChordMember() {
		return this.slot != null && this.chord != null;
	}

	/**
	 * Returns a copy with another remaining chain.
	 * @param newChain the inline steps, the next one last
	 * @param newChainRef the stored steps after them, or {@code null}
	 * @return the copy
	 */
	public MessageEmbed withChain(List<SignatureSpec> newChain, ChainRef newChainRef) {
		return new MessageEmbed(this.callbacks, this.errbacks, newChain, newChainRef, this.chord, this.slot);
	}

	/**
	 * Returns a copy with other callbacks.
	 * @param newCallbacks signatures called with the result on success
	 * @param newErrbacks signatures called with the task id and error on failure
	 * @return the copy
	 */
	public MessageEmbed withCallbacks(List<SignatureSpec> newCallbacks, List<SignatureSpec> newErrbacks) {
		return new MessageEmbed(newCallbacks, newErrbacks, this.chain, this.chainRef, this.chord, this.slot);
	}

	/**
	 * Returns a copy in a group slot (read from a message's headers).
	 * @param newSlot the slot, or {@code null}
	 * @return the copy
	 */
	public MessageEmbed withSlot(GroupSlot newSlot) {
		return new MessageEmbed(this.callbacks, this.errbacks, this.chain, this.chainRef, this.chord, newSlot);
	}

}
