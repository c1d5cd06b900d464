package dev.celerity.broker;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * A message on its way into a broker.
 *
 * @param id the task id, unique among pending and running messages
 * @param queue the queue
 * @param priority the priority 0-9, higher first
 * @param readyAt when the message may run, {@code null} for now
 * @param body the encoded message
 */
public record OutboundMessage(String id, String queue, int priority, Instant readyAt, byte[] body) {

	public OutboundMessage {
		Assert.hasText(id, "Message id must not be empty");
		Assert.hasText(queue, "Queue must not be empty");
		Assert.isTrue(priority >= 0 && priority <= 9, () -> "Priority must be between 0 and 9, but was " + priority);
		Assert.notNull(body, "Body must not be null");
	}

}
