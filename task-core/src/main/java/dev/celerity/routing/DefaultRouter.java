package dev.celerity.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.celerity.api.TaskOptions;
import dev.celerity.message.BuiltinTasks;
import dev.celerity.message.MessageCodec;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;

/**
 * Decides queue and priority field by field; for each, the first source that sets it wins: the call's options, the
 * {@link RoutingRule routing rules} in order, the configured {@link TaskRoutes routes}, the task's {@code @Task}
 * attributes, and finally the defaults (the default queue; the queue's own default priority, else the
 * application's). Unlike Celery, configuration beats the annotation, so operators can re-route without a rebuild.
 *
 * <p>The route records which source decided each field, for example
 * {@code queue:rule[premiumOrders],priority:route[orders.*]}.
 */
public class DefaultRouter implements Router {

	private static final Logger logger = LoggerFactory.getLogger(DefaultRouter.class);

	private final TaskRegistry registry;

	private final List<NamedRoutingRule> rules;

	private final TaskRoutes routes;

	private final RoutingDefaults defaults;

	private final MessageCodec codec;

	/**
	 * Creates a router with every source.
	 * @param registry the locally known tasks (for their {@code @Task} attributes)
	 * @param rules the routing rules, in the order they are asked
	 * @param routes the configured routes
	 * @param defaults the default queue and priorities
	 * @param codec converts arguments for the rules
	 */
	public DefaultRouter(TaskRegistry registry, List<NamedRoutingRule> rules, TaskRoutes routes,
			RoutingDefaults defaults, MessageCodec codec) {
		this.registry = registry;
		this.rules = List.copyOf(rules);
		this.routes = routes;
		this.defaults = defaults;
		this.codec = codec;
	}

	/**
	 * Creates a router that knows only the call's options, the tasks' attributes and the defaults.
	 * @param registry the locally known tasks
	 * @param defaultQueue the queue of tasks nothing else routes
	 * @param defaultPriority the priority of tasks nothing else prioritises
	 */
	public DefaultRouter(TaskRegistry registry, String defaultQueue, int defaultPriority) {
		this(registry, List.of(), TaskRoutes.NONE, new RoutingDefaults(defaultQueue, defaultPriority, Map.of()),
				new MessageCodec());
	}

	@Override
	public Route route(String taskName, List<Object> args, Map<String, Object> kwargs, TaskOptions options) {
		Optional<BuiltinTasks.Call> inner = BuiltinTasks.calledBy(taskName, args);
		if (inner.isPresent()) {
			// a map or starmap runs where the task it calls would run
			return route(inner.get().task(), inner.get().args(), inner.get().kwargs(), options);
		}
		Choice choice = new Choice();
		choice.offer(options.queue(), options.priority(), "options");
		if (!choice.complete() && !this.rules.isEmpty()) {
			RoutedCall call = new RoutedCall(taskName, args, kwargs, options, this.codec);
			for (int i = 0; i < this.rules.size() && !choice.complete(); i++) {
				NamedRoutingRule named = this.rules.get(i);
				RouteHint hint = named.rule().route(call);
				if (hint != null) {
					choice.offer(hint.queue(), hint.priority(), "rule[" + named.name() + "]");
				}
			}
		}
		if (!choice.complete()) {
			this.routes.find(taskName)
				.ifPresent((route) -> choice.offer(route.queue(), route.priority(), "route[" + route.pattern() + "]"));
		}
		if (!choice.complete()) {
			TaskDefinition definition = this.registry.find(taskName).orElse(null);
			if (definition != null) {
				choice.offer(definition.queue(), definition.priority(), "task");
			}
		}
		choice.offer(this.defaults.queue(), null, "default");
		String queue = choice.queue;
		choice.offer(null, this.defaults.priorityOf(queue),
				this.defaults.hasOwnPriority(queue) ? "queue-default[" + queue + "]" : "default");
		Route route = new Route(queue, choice.priority,
				"queue:" + choice.queueSource + ",priority:" + choice.prioritySource);
		if (logger.isDebugEnabled()) {
			logger.debug("Routed task {} to queue '{}' with priority {} ({})", taskName, route.queue(),
					route.priority(), route.decidedBy());
		}
		return route;
	}

	/**
	 * The fields decided so far and who decided them.
	 */
	private static final class Choice {

		private String queue;

		private String queueSource;

		private Integer priority;

		private String prioritySource;

		void offer(String queue, Integer priority, String source) {
			if (this.queue == null && queue != null) {
				this.queue = queue;
				this.queueSource = source;
			}
			if (this.priority == null && priority != null) {
				this.priority = priority;
				this.prioritySource = source;
			}
		}

		boolean complete() {
			return this.queue != null && this.priority != null;
		}

	}

}
