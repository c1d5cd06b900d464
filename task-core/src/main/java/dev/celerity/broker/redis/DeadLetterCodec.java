package dev.celerity.broker.redis;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.broker.DeadLetter;
import dev.celerity.message.MessageCodec;

/**
 * Writes and reads the entries of a dead-letter list: JSON with the id, reason, time and the body in base64.
 */
final class DeadLetterCodec {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterCodec.class);

	private final MessageCodec codec;

	DeadLetterCodec(MessageCodec codec) {
		this.codec = codec;
	}

	byte[] encode(String id, String reason, Instant at, byte[] body) {
		return this.codec.write(new StoredDeadLetter(id, reason, at.toEpochMilli(), body));
	}

	/**
	 * Reads an entry; an unreadable one is logged and skipped, never thrown.
	 * @param queue the queue the list belongs to
	 * @param entry the entry
	 * @return the dead letter, empty if the entry cannot be read
	 */
	Optional<DeadLetter> decode(String queue, byte[] entry) {
		try {
			StoredDeadLetter stored = this.codec.read(entry, StoredDeadLetter.class);
			return Optional.of(new DeadLetter(stored.id(), queue, (stored.body() != null) ? stored.body() : new byte[0],
					stored.reason(), Instant.ofEpochMilli(stored.at())));
		}
		catch (RuntimeException ex) {
			logger.warn("Skipping an unreadable dead-letter entry of queue '{}': {}", queue, ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * A dead-letter entry as stored.
	 *
	 * @param id the message id
	 * @param reason why it was dead-lettered
	 * @param at when, in epoch milliseconds
	 * @param body the message body
	 */
	record StoredDeadLetter(String id, String reason, long at, byte[] body) {

	}

}
