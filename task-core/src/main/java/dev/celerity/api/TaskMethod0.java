package dev.celerity.api;

import java.io.Serializable;

/**
 * A method reference to a task method with 0 arguments and a result, such as
 * {@code OrderTasks::charge}; see {@link TaskTemplate#task(TaskMethod0)}.
 *
 * @param <B> the bean type declaring the task
 * @param <R> the result type
 */
@FunctionalInterface
public interface TaskMethod0<B, R> extends Serializable {

	/**
	 * Calls the task method on a bean; Celerity reads the reference, it never calls it directly.
	 * @param bean the bean
	 * @return the result
	 */
	R call(B bean);

}
