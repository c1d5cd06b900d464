package dev.celerity.broker.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.celerity.broker.Delivery;

/**
 * The reply of the fetch script: the leased messages, or, when there are none, how long until something is due.
 *
 * @param deliveries the leased messages
 * @param millisUntilDue milliseconds until the next delayed message or lease deadline, {@code -1} if none
 */
record FetchReply(List<Delivery> deliveries, long millisUntilDue) {

	private static final int FIELDS = 5;

	/**
	 * Reads the script's flat reply (see {@code fetchMessages.lua}).
	 * @param queue the queue fetched from
	 * @param reply the reply
	 * @return the parsed reply
	 */
	static FetchReply parse(String queue, List<?> reply) {
		long wait = ((Number) reply.get(0)).longValue();
		List<Delivery> deliveries = new ArrayList<>((reply.size() - 1) / FIELDS);
		for (int i = 1; i + FIELDS <= reply.size(); i += FIELDS) {
			deliveries.add(new Delivery(string(reply.get(i)), queue, ((Number) reply.get(i + 1)).intValue(),
					(byte[]) reply.get(i + 3), string(reply.get(i + 2)), ((Number) reply.get(i + 4)).longValue() == 1));
		}
		return new FetchReply(deliveries, wait);
	}

	private static String string(Object value) {
		return new String((byte[]) value, StandardCharsets.UTF_8);
	}

}
