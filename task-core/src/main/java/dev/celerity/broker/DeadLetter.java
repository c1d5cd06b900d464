package dev.celerity.broker;

import java.time.Instant;

/**
 * A message that could not run, kept with the reason.
 *
 * @param id the message id (the task id when it could be read)
 * @param queue the queue it came from
 * @param body the message as received
 * @param reason why it was dead-lettered
 * @param at when it was dead-lettered
 */
public record DeadLetter(String id, String queue, byte[] body, String reason, Instant at) {

}
