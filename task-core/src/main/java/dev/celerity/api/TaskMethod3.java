package dev.celerity.api;

import java.io.Serializable;

/**
 * A method reference to a task method with 3 arguments and a result, such as
 * {@code OrderTasks::charge}; see {@link TaskTemplate#task(TaskMethod3)}.
 *
 * @param <B> the bean type declaring the task
 * @param <R> the result type
 */
@FunctionalInterface
public interface TaskMethod3<B, A1, A2, A3, R> extends Serializable {

	/**
	 * Calls the task method on a bean; Celerity reads the reference, it never calls it directly.
	 * @param bean the bean
	 * @param arg1 argument 1
	 * @param arg2 argument 2
	 * @param arg3 argument 3
	 * @return the result
	 */
	R call(B bean, A1 arg1, A2 arg2, A3 arg3);

}
