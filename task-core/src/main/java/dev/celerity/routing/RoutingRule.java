package dev.celerity.routing;

/**
 * Content-based routing implemented by the application: a bean that looks at a call and may choose its queue, its
 * priority, both, or pass. Rules run in {@code @Order}; for each field the first rule that sets it wins, below the
 * call's own options and above the {@code celerity.routes} configuration and the {@code @Task} attributes.
 *
 * <pre class="code">
 * &#64;Bean
 * &#64;Order(1)
 * RoutingRule bigOrdersArePremium() {
 *     return (call) -&gt; call.taskName().equals("orders.charge") &amp;&amp; call.arg(0, Order.class).total() &gt; 1000
 *             ? RouteHint.queue("premium") : RouteHint.pass();
 * }
 * </pre>
 *
 * <p>An exception thrown by a rule fails the call: nothing is enqueued.
 */
@FunctionalInterface
public interface RoutingRule {

	/**
	 * Looks at one call.
	 * @param call the task name, arguments and options of the call
	 * @return the queue and/or priority to use, or {@link RouteHint#pass()} (or {@code null}) to leave them to later
	 * sources
	 */
	RouteHint route(RoutedCall call);

}
