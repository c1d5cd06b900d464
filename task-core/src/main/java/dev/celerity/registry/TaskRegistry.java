package dev.celerity.registry;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks this application knows, by name and by method; annotations and code register through it.
 */
public class TaskRegistry {

	private final Map<String, TaskDefinition> byName = new ConcurrentHashMap<>();

	private final Map<Method, TaskDefinition> byMethod = new ConcurrentHashMap<>();

	/**
	 * Registers a task.
	 * @param definition the task
	 * @throws DuplicateTaskNameException if another method already has the name
	 */
	public void register(TaskDefinition definition) {
		TaskDefinition existing = this.byName.putIfAbsent(definition.name(), definition);
		if (existing != null) {
			throw new DuplicateTaskNameException(definition.name(), existing.methodDescription(),
					definition.methodDescription());
		}
		this.byMethod.put(definition.method(), definition);
	}

	/**
	 * Finds a task by name.
	 * @param name the task's name
	 * @return the task, empty when unknown here
	 */
	public Optional<TaskDefinition> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/**
	 * Finds the task a method implements.
	 * @param method the method as declared on the bean's class
	 * @return the task, empty when the method is not a registered task
	 */
	public Optional<TaskDefinition> findByMethod(Method method) {
		return Optional.ofNullable(this.byMethod.get(method));
	}

	/**
	 * Returns all registered tasks.
	 * @return the tasks, in no particular order
	 */
	public Collection<TaskDefinition> all() {
		return List.copyOf(this.byName.values());
	}

}
