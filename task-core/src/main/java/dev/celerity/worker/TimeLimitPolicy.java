package dev.celerity.worker;

import dev.celerity.registry.TaskDefinition;

/**
 * Decides the time limits of a task's attempts.
 */
@FunctionalInterface
public interface TimeLimitPolicy {

	/** No task is limited. */
	TimeLimitPolicy NONE = (task) -> TimeLimits.NONE;

	/**
	 * Returns the limits of a task.
	 * @param task the task
	 * @return its limits
	 */
	TimeLimits limitsFor(TaskDefinition task);

}
