package dev.celerity.api;

import java.io.Serializable;

/**
 * A method reference to a {@code void} task method with 1 argument; see
 * {@link TaskTemplate#task(VoidTaskMethod1)}.
 *
 * @param <B> the bean type declaring the task
 */
@FunctionalInterface
public interface VoidTaskMethod1<B, A1> extends Serializable {

	/**
	 * Calls the task method on a bean; Celerity reads the reference, it never calls it directly.
	 * @param bean the bean
	 * @param arg1 argument 1
	 */
	void call(B bean, A1 arg1);

}
