package dev.celerity.canvas;

import java.util.List;
import java.util.Map;

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

	/**
	 * A task's place in its group.
	 * @param groupId the group id
	 * @param index the position, from 0
	 * @param size the group's size
	 */
	record GroupSlot(String groupId, int index, int size) {

		/** The header (and signature option) with a task's position in its group, as in Celery. */
		static final String GROUP_INDEX = "group_index";

		/** The header (and signature option) with the size of the group a task reports to, as in Celery. */
		static final String CHORD_SIZE = "chord_size";

		/**
		 * Writes this slot's position and size into a message's extra headers (the group id has a header of its own).
		 * @param headers the headers to add to
		 */
		void writeTo(Map<String, String> headers) {
			headers.put(GROUP_INDEX, Integer.toString(this.index));
			headers.put(CHORD_SIZE, Integer.toString(this.size));
		}

		/**
		 * Reads a task's slot from its message's headers.
		 * @param groupId the message's group header
		 * @param headers its extra headers
		 * @return the slot, or {@code null} if the task belongs to no group
		 */
		static GroupSlot readFrom(String groupId, Map<String, String> headers) {
			String index = headers.get(GROUP_INDEX);
			if (groupId == null || index == null) {
				return null;
			}
			return new GroupSlot(groupId, Integer.parseInt(index), Integer.parseInt(headers.getOrDefault(CHORD_SIZE,
					"0")));
		}

	}

}
