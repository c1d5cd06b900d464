package dev.celerity.message;

import java.util.Map;

/**
 * A task's place in its group: the group's id, the task's position and the group's size. The group id travels in
 * the {@code group} header, position and size in the extra headers {@code group_index} and {@code chord_size}, as in
 * Celery; this record is the one place that names them.
 *
 * @param groupId the group id
 * @param index the position, from 0
 * @param size the group's size
 */
public record GroupSlot(String groupId, int index, int size) {

	/** The header (and signature option) with a task's position in its group. */
	public static final String GROUP_INDEX = "group_index";

	/** The header (and signature option) with the size of the group a task reports to. */
	public static final String CHORD_SIZE = "chord_size";

	/**
	 * Writes this slot's position and size into a message's extra headers (the group id has a header of its own).
	 * @param headers the headers to add to
	 */
	public void writeTo(Map<String, String> headers) {
		headers.put(GROUP_INDEX, Integer.toString(this.index));
		headers.put(CHORD_SIZE, Integer.toString(this.size));
	}

	/**
	 * Reads a task's slot from its message's headers.
	 * @param headers the message's headers
	 * @return the slot, or {@code null} if the task belongs to no group
	 */
	public static GroupSlot of(MessageHeaders headers) {
		String index = headers.extra().get(GROUP_INDEX);
		if (headers.group() == null || index == null) {
			return null;
		}
		return new GroupSlot(headers.group(), Integer.parseInt(index),
				Integer.parseInt(headers.extra().getOrDefault(CHORD_SIZE, "0")));
	}

}
