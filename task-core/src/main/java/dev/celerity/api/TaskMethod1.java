package dev.celerity.api;

import java.io.Serializable;

/**
 * A method reference to a task method with 1 argument and a result, such as
 * {@code OrderTasks::charge}; see {@link TaskTemplate#task(TaskMethod1)}.
 *
 * @param <B> the bean type declaring the task
 * @param <R> the result type
 */
@FunctionalInterface
public interface TaskMethod1<B, A1, R> extends Serializable {

	/**
	 * Calls the task method on a bean; Celerity reads the reference, it never calls it directly.
	 * @param bean the bean
	 * @param arg1 argument 1
	 * @return the result
	 */
	R call(B bean, A1 arg1);

}
