package dev.celerity.routing;

/**
 * A {@link RoutingRule} with the name that routing decisions record (the bean name in a Spring application).
 *
 * @param name the name
 * @param rule the rule
 */
public record NamedRoutingRule(String name, RoutingRule rule) {

}
