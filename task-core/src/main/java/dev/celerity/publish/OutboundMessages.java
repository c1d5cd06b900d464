package dev.celerity.publish;

import java.time.Instant;

import dev.celerity.broker.OutboundMessage;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.TaskMessage;

/**
 * Encodes a message for the broker, with the queue, priority and due time the broker files it under.
 */
final class OutboundMessages {

	private OutboundMessages() {
	}

	static OutboundMessage of(TaskMessage message, MessageCodec codec) {
		return of(message, message.delivery().queue(), message.delivery().priority(), message.headers().eta(), codec);
	}

	static OutboundMessage of(TaskMessage message, String queue, int priority, Instant readyAt, MessageCodec codec) {
		return new OutboundMessage(message.id(), queue, priority, readyAt, codec.encode(message));
	}

}
