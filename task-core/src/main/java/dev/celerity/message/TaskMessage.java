package dev.celerity.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The envelope of one task call as it travels through a broker. Its fields map one-to-one onto Celery's protocol
 * v2: {@code id}, {@code task}, the body's {@code [args, kwargs, embed]}, the headers and the delivery info.
 *
 * @param id the task id (a UUID unless the caller chose one)
 * @param task the task name
 * @param args positional arguments as JSON values
 * @param kwargs keyword arguments as JSON values
 * @param headers retries, ETA, expiry, workflow ids and extra headers
 * @param delivery the queue and priority routing chose
 * @param embed the workflow continuation: callbacks, error callbacks, remaining chain, chord; its group slot is
 * filled in from the headers
 */
public record TaskMessage(String id, String task, List<Object> args, Map<String, Object> kwargs,
		MessageHeaders headers, DeliveryInfo delivery, MessageEmbed embed) {

	public TaskMessage {
		args = (args != null) ? java.util.Collections.unmodifiableList(new ArrayList<>(args)) : List.of();
		kwargs = (kwargs != null) ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kwargs)) : Map.of();
		headers = (headers != null) ? headers : MessageHeaders.EMPTY;
		embed = (embed != null) ? embed : MessageEmbed.EMPTY;
		if (embed.slot() == null && headers.group() != null) {
			// the one place a group slot read from the headers joins the rest of what follows the task
			embed = embed.withSlot(GroupSlot.of(headers));
		}
	}

	/**
	 * Returns a copy with other headers.
	 * @param headers the new headers
	 * @return the copy
	 */
	public TaskMessage withHeaders(MessageHeaders headers) {
		return new TaskMessage(this.id, this.task, this.args, this.kwargs, headers, this.delivery, this.embed);
	}

}
