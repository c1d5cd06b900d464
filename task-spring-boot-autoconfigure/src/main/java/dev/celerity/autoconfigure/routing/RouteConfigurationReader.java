package dev.celerity.autoconfigure.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

import dev.celerity.autoconfigure.routing.CelerityRoutingProperties.QueueSettings;
import dev.celerity.autoconfigure.routing.CelerityRoutingProperties.RouteSettings;
import dev.celerity.routing.TaskRoute;

/**
 * Validates {@code celerity.routes} and {@code celerity.queues} at start-up and turns them into routes and queue
 * priorities, failing with the property path of the first bad entry.
 *
 * <p>Besides the bound values it reads the raw property names, because the binder silently drops what users most
 * often get wrong: a route option it does not know, and a dotted name or glob written without brackets (Spring Boot
 * strips the {@code *} from {@code celerity.routes.orders.*.queue}, which would quietly route {@code orders}).
 */
final class RouteConfigurationReader {

	private static final String ROUTES = "celerity.routes";

	private static final Set<String> OPTIONS = Set.of("queue", "priority");

	private RouteConfigurationReader() {
	}

	static List<TaskRoute> routes(CelerityRoutingProperties properties, Environment environment) {
		checkRawNames(environment);
		List<TaskRoute> routes = new ArrayList<>();
		for (Map.Entry<String, RouteSettings> entry : properties.getRoutes().entrySet()) {
			String pattern = entry.getKey();
			RouteSettings settings = entry.getValue();
			String path = ROUTES + "[" + pattern + "]";
			String problem = TaskRoute.problemWith(pattern);
			if (problem != null) {
				throw new InvalidConfigurationPropertyValueException(path, pattern, "Malformed task name or glob: "
						+ problem + ".");
			}
			if (settings.getQueue() == null && settings.getPriority() == null) {
				throw new InvalidConfigurationPropertyValueException(path, pattern,
						"A route must set a queue, a priority or both.");
			}
			if (settings.getQueue() != null && settings.getQueue().isBlank()) {
				throw new InvalidConfigurationPropertyValueException(path + ".queue", settings.getQueue(),
						"The queue must not be blank.");
			}
			checkPriority(path + ".priority", settings.getPriority());
			routes.add(new TaskRoute(pattern, settings.getQueue(), settings.getPriority()));
		}
		return routes;
	}

	static Map<String, Integer> queuePriorities(CelerityRoutingProperties properties) {
		Map<String, Integer> priorities = new LinkedHashMap<>();
		for (Map.Entry<String, QueueSettings> entry : properties.getQueues().entrySet()) {
			Integer priority = entry.getValue().getDefaultPriority();
			checkPriority("celerity.queues." + entry.getKey() + ".default-priority", priority);
			if (priority != null) {
				priorities.put(entry.getKey(), priority);
			}
		}
		return priorities;
	}

	private static void checkPriority(String path, Integer priority) {
		if (priority != null && (priority < 0 || priority > 9)) {
			throw new InvalidConfigurationPropertyValueException(path, priority,
					"Priorities go from 0 to 9, higher runs first.");
		}
	}

	private static void checkRawNames(Environment environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return;
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (name.startsWith(ROUTES) && name.length() > ROUTES.length()) {
						checkRawName(name, source.getProperty(name));
					}
				}
			}
		}
	}

	private static void checkRawName(String name, Object value) {
		String rest = name.substring(ROUTES.length());
		String option;
		if (rest.startsWith("[")) {
			int close = rest.indexOf(']');
			option = (close > 0 && rest.startsWith(".", close + 1)) ? rest.substring(close + 2) : "";
		}
		else if (rest.startsWith(".")) {
			String[] parts = rest.substring(1).split("\\.", -1);
			if (parts.length != 2 || parts[0].contains("*")) {
				throw new InvalidConfigurationPropertyValueException(name, value, "Task names that contain dots or '*' "
						+ "must be written in brackets, for example celerity.routes[orders.*].queue (in YAML, a key "
						+ "\"[orders.*]\" under celerity.routes).");
			}
			option = parts[1];
		}
		else {
			return;
		}
		if (!OPTIONS.contains(option)) {
			throw new InvalidConfigurationPropertyValueException(name, value,
					"Unknown route option '" + option + "': a route sets 'queue' and/or 'priority'.");
		}
	}

}
