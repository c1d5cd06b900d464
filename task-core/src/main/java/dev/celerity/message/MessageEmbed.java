package dev.celerity.message;

import java.util.List;

/**
 * The workflow continuation carried by a message (the third element of Celery's body).
 *
 * @param callbacks signatures called with the result on success
 * @param errbacks signatures called with the task id and error on failure
 * @param chain the remaining chain steps, the next one last (as in Celery)
 * @param chord the chord body to run when this task's group completes, or {@code null}
 */
public record MessageEmbed(List<SignatureSpec> callbacks, List<SignatureSpec> errbacks, List<SignatureSpec> chain,
		SignatureSpec chord) {

	/** No continuation. */
	public static final MessageEmbed EMPTY = new MessageEmbed(List.of(), List.of(), List.of(), null);

	public MessageEmbed {
		callbacks = (callbacks != null) ? List.copyOf(callbacks) : List.of();
		errbacks = (errbacks != null) ? List.copyOf(errbacks) : List.of();
		chain = (chain != null) ? List.copyOf(chain) : List.of();
	}

	/** @return whether nothing follows the task */
	public boolean isEmpty() {
		return this.callbacks.isEmpty() && this.errbacks.isEmpty() && this.chain.isEmpty() && this.chord == null;
	}

}
