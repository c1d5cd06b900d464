package dev.celerity.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The configured routes ({@code celerity.routes}): an exact task name wins over any glob, and globs are tried in
 * declaration order, the first that matches the whole name winning.
 */
public final class TaskRoutes {

	/** No routes. */
	public static final TaskRoutes NONE = new TaskRoutes(List.of());

	private final Map<String, TaskRoute> exact = new HashMap<>();

	private final List<TaskRoute> globs = new ArrayList<>();

	private final List<Pattern> globPatterns = new ArrayList<>();

	private final Map<String, Optional<TaskRoute>> resolved = new ConcurrentHashMap<>();

	/**
	 * Creates the table.
	 * @param routes the routes in declaration order
	 */
	public TaskRoutes(List<TaskRoute> routes) {
		for (TaskRoute route : routes) {
			if (route.isGlob()) {
				this.globs.add(route);
				this.globPatterns.add(route.compiled());
			}
			else {
				this.exact.putIfAbsent(route.pattern(), route);
			}
		}
	}

	/**
	 * Finds the route of a task.
	 * @param taskName the task name
	 * @return the route that applies, empty when none does
	 */
	public Optional<TaskRoute> find(String taskName) {
		if (this.exact.isEmpty() && this.globs.isEmpty()) {
			return Optional.empty();
		}
		return this.resolved.computeIfAbsent(taskName, this::lookup);
	}

	private Optional<TaskRoute> lookup(String taskName) {
		TaskRoute route = this.exact.get(taskName);
		if (route != null) {
			return Optional.of(route);
		}
		for (int i = 0; i < this.globs.size(); i++) {
			if (this.globPatterns.get(i).matcher(taskName).matches()) {
				return Optional.of(this.globs.get(i));
			}
		}
		return Optional.empty();
	}

}
