package dev.celerity.broker;

/**
 * A message leased to a worker.
 *
 * @param id the task id
 * @param queue the queue it came from
 * @param priority its priority
 * @param body the encoded message
 * @param leaseToken identifies this lease; acknowledging with a stale token does nothing
 * @param redelivered whether an earlier lease of this message expired before it was acknowledged
 */
public record Delivery(String id, String queue, int priority, byte[] body, String leaseToken, boolean redelivered) {

}
