package dev.celerity.routing;

/**
 * Where a task message goes.
 *
 * @param queue the queue
 * @param priority the priority 0-9, higher first
 * @param decidedBy which rule chose it, for debugging and dashboards
 */
public record Route(String queue, int priority, String decidedBy) {

}
