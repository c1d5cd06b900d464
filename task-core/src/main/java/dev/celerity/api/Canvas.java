package dev.celerity.api;

import java.lang.reflect.Type;

/**
 * Anything that can be sent as a unit of work: a task {@link Signature} or a workflow of them (a chain, a group, a
 * chord) built with the {@code dev.celerity.canvas} package.
 *
 * @param <R> the type of the result the unit of work finally produces
 */
public interface Canvas<R> {

	/**
	 * Returns the declared type of the final result, used to convert it when read.
	 * @return the result type
	 */
	Type resultType();

}
