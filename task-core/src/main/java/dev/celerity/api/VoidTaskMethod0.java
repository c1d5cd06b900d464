package dev.celerity.api;

import java.io.Serializable;

/**
 * A method reference to a {@code void} task method with 0 arguments; see
 * {@link TaskTemplate#task(VoidTaskMethod0)}.
 *
 * @param <B> the bean type declaring the task
 */
@FunctionalInterface
public interface VoidTaskMethod0<B> extends Serializable {

	/**
	 * Calls the task method on a bean; Celerity reads the reference, it never calls it directly.
	 * @param bean the bean
	 */
	void call(B bean);

}
