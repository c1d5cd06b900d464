package dev.celerity.message;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A reference to the steps of a long chain kept once in the chain store instead of inside every message: the
 * chain's id, the position of the next step to run and the number of stored steps. A reference whose position has
 * reached its size has nothing left to run; the task that carries it ends the stored chain.
 *
 * @param id the stored chain's id
 * @param position the position of the next step, from 0
 * @param size how many steps are stored
 */
public record ChainRef(String id, int position, int size) {

	public ChainRef {
		if (id == null || id.isEmpty()) {
			throw new IllegalArgumentException("A stored chain needs an id");
		}
		if (position < 0 || position > size) {
			throw new IllegalArgumentException("Position " + position + " is outside a stored chain of " + size);
		}
	}

	/** @return whether every stored step has been started */
	@JsonIgnore
	public boolean isExhausted() {
		return this.position >= this.size;
	}

	/** @return the reference the next step carries */
	public ChainRef next() {
		return new ChainRef(this.id, this.position + 1, this.size);
	}

}
