package dev.celerity.message;

/**
 * Where a message was sent and why.
 *
 * @param queue the queue
 * @param priority the priority 0-9, higher first
 * @param routedBy which rule chose the queue and priority, for debugging and dashboards
 */
public record DeliveryInfo(String queue, int priority, String routedBy) {

}
