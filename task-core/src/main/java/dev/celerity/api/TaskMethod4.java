package dev.celerity.api;

import java.io.Serializable;

/**
 * A method reference to a task method with 4 arguments and a result, such as
 * {@code OrderTasks::charge}; see {@link TaskTemplate#task(TaskMethod4)}.
 *
 * @param <B> the bean type declaring the task
 * @param <R> the result type
 */
@FunctionalInterface
public interface TaskMethod4<B, A1, A2, A3, A4, R> extends Serializable {

	/**
	 * Calls the task method on a bean; Celerity reads the reference, it never calls it directly.
	 * @param bean the bean
	 * @param arg1 argument 1
	 * @param arg2 argument 2
	 * @param arg3 argument 3
	 * @param arg4 argument 4
	 * @return the result
	 */
	R call(B bean, A1 arg1, A2 arg2, A3 arg3, A4 arg4);

}
