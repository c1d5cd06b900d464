package dev.celerity.api;

import java.io.Serializable;

/**
 * A method reference to a {@code void} task method with 4 arguments; see
 * {@link TaskTemplate#task(VoidTaskMethod4)}.
 *
 * @param <B> the bean type declaring the task
 */
@FunctionalInterface
public interface VoidTaskMethod4<B, A1, A2, A3, A4> extends Serializable {

	/**
	 * Calls the task method on a bean; Celerity reads the reference, it never calls it directly.
	 * @param bean the bean
	 * @param arg1 argument 1
	 * @param arg2 argument 2
	 * @param arg3 argument 3
	 * @param arg4 argument 4
	 */
	void call(B bean, A1 arg1, A2 arg2, A3 arg3, A4 arg4);

}
