package dev.celerity.publish;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.celerity.broker.OutboundMessage;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.TaskMessage;

/**
 * Builds the next attempt of a message that runs again later on the queue and priority it was delivered with: a
 * retry (one more retry, due after its backoff) or a deferral (due when a rate limit admits it, the retry count
 * unchanged).
 */
public class NextAttempts {

	private final MessageCodec codec;

	/**
	 * Creates the builder.
	 * @param codec encodes the messages
	 */
	public NextAttempts(MessageCodec codec) {
		this.codec = codec;
	}

	/**
	 * Builds the retry of a message.
	 * @param message the failed attempt's message
	 * @param queue the queue it was delivered from
	 * @param priority the priority it was delivered with
	 * @param eta when the retry may start
	 * @return the next attempt, ready for the broker
	 */
	public Attempt retry(TaskMessage message, String queue, int priority, Instant eta) {
		return attempt(message.withHeaders(message.headers().nextRetry(eta)), queue, priority, eta);
	}

	/**
	 * Builds the deferral of a message, due when its rate limit admits it.
	 * @param message the deferred message
	 * @param queue the queue it was delivered from
	 * @param priority the priority it was delivered with
	 * @param until when it may run
	 * @param headers extra headers to add (the rate limiter's reservation)
	 * @return the next attempt, ready for the broker
	 */
	public Attempt deferral(TaskMessage message, String queue, int priority, Instant until,
			Map<String, String> headers) {
		Map<String, String> extra = new LinkedHashMap<>(message.headers().extra());
		extra.putAll(headers);
		return attempt(message.withHeaders(message.headers().withExtra(extra)), queue, priority, until);
	}

	private Attempt attempt(TaskMessage next, String queue, int priority, Instant readyAt) {
		return new Attempt(next, OutboundMessages.of(next, queue, priority, readyAt, this.codec));
	}

	/**
	 * A next attempt.
	 * @param message its message
	 * @param outbound its message encoded for the broker
	 */
	public record Attempt(TaskMessage message, OutboundMessage outbound) {

	}

}
