package dev.celerity.routing;

import java.util.List;
import java.util.Map;

import dev.celerity.api.TaskOptions;

/**
 * Decides the queue and priority of each message sent.
 */
public interface Router {

	/**
	 * Routes one call.
	 * @param taskName the task's name
	 * @param args its positional arguments
	 * @param kwargs its keyword arguments
	 * @param options the caller's options (a queue or priority set here wins)
	 * @return the route
	 */
	Route route(String taskName, List<Object> args, Map<String, Object> kwargs, TaskOptions options);

}
