package dev.celerity.worker;

import dev.celerity.message.TaskMessage;
import dev.celerity.registry.TaskDefinition;

/**
 * Decides, just before an attempt, whether a leased message may run now (rate limits). Never blocks: a message that
 * may not run yet is deferred and handed back to the broker, freeing the worker thread.
 */
@FunctionalInterface
public interface AdmissionControl {

	/** Admits everything. */
	AdmissionControl NONE = (definition, message, arguments) -> Admission.ADMITTED;

	/**
	 * Decides for one message.
	 * @param definition the task
	 * @param message the message, decoded
	 * @param arguments the bound arguments of the task method
	 * @return the decision
	 */
	Admission admit(TaskDefinition definition, TaskMessage message, Object[] arguments);

}
