package dev.celerity.api;

import java.io.Serializable;

/**
 * A method reference to a {@code void} task method with 2 arguments; see
 * {@link TaskTemplate#task(VoidTaskMethod2)}.
 *
 * @param <B> the bean type declaring the task
 */
@FunctionalInterface
public interface VoidTaskMethod2<B, A1, A2> extends Serializable {

	/**
	 * Calls the task method on a bean; Celerity reads the reference, it never calls it directly.
	 * @param bean the bean
	 * @param arg1 argument 1
	 * @param arg2 argument 2
	 */
	void call(B bean, A1 arg1, A2 arg2);

}
