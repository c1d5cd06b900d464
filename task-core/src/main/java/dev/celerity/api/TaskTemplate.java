package dev.celerity.api;

import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;

/**
 * The one entry point for sending tasks and reading their results, injectable as a bean.
 *
 * <p>Type-safe: {@code tasks.task(OrderTasks::charge).delay(orderId, amount)} — a renamed method or a wrong
 * argument type breaks the compile. By name, for services that do not have the task's class:
 * {@code tasks.send("orders.charge", orderId, amount)}.
 */
public interface TaskTemplate {

	/**
	 * Sends a task described by a signature.
	 * @param <R> the result type
	 * @param signature the call
	 * @return the result handle
	 */
	<R> AsyncResult<R> send(Signature<R> signature);

	/**
	 * Sends many tasks at once, as BullMQ's {@code addBulk}: each is routed, intercepted and announced like a single
	 * send, and they are stored in one broker call (one round trip per queue on Redis). A signature whose task id is
	 * already pending or running is not stored again.
	 * @param <R> the result type
	 * @param signatures the calls
	 * @return one result handle per call, in order
	 */
	<R> List<AsyncResult<R>> sendAll(Collection<? extends Signature<R>> signatures);

	/**
	 * Sends a task by name with default options.
	 * @param taskName the task's name
	 * @param args its arguments
	 * @return the result handle
	 */
	default AsyncResult<Object> send(String taskName, Object... args) {
		return send(Signature.of(taskName, args));
	}

	/**
	 * Returns the result handle of a task sent earlier, from any instance.
	 * @param <R> the result type
	 * @param taskId the task's id
	 * @param resultType the type to convert the result to
	 * @return the result handle
	 */
	<R> AsyncResult<R> result(String taskId, Type resultType);

	/**
	 * Returns the result handle of a task sent earlier, with the result as plain JSON-like values.
	 * @param taskId the task's id
	 * @return the result handle
	 */
	default AsyncResult<Object> result(String taskId) {
		return result(taskId, Object.class);
	}

	/**
	 * Returns a typed handle on the task method the reference points to.
	 * @param method a method reference such as {@code OrderTasks::charge}
	 * @return the handle
	 */
	<B, R> TaskHandle0<R> task(TaskMethod0<B, R> method);

	/**
	 * Returns a typed handle on the {@code void} task method the reference points to.
	 * @param method a method reference such as {@code OrderTasks::notifyCustomer}
	 * @return the handle
	 */
	<B> TaskHandle0<Void> task(VoidTaskMethod0<B> method);

	/**
	 * Returns a typed handle on the task method the reference points to.
	 * @param method a method reference such as {@code OrderTasks::charge}
	 * @return the handle
	 */
	<B, A1, R> TaskHandle1<A1, R> task(TaskMethod1<B, A1, R> method);

	/**
	 * Returns a typed handle on the {@code void} task method the reference points to.
	 * @param method a method reference such as {@code OrderTasks::notifyCustomer}
	 * @return the handle
	 */
	<B, A1> TaskHandle1<A1, Void> task(VoidTaskMethod1<B, A1> method);

	/**
	 * Returns a typed handle on the task method the reference points to.
	 * @param method a method reference such as {@code OrderTasks::charge}
	 * @return the handle
	 */
	<B, A1, A2, R> TaskHandle2<A1, A2, R> task(TaskMethod2<B, A1, A2, R> method);

	/**
	 * Returns a typed handle on the {@code void} task method the reference points to.
	 * @param method a method reference such as {@code OrderTasks::notifyCustomer}
	 * @return the handle
	 */
	<B, A1, A2> TaskHandle2<A1, A2, Void> task(VoidTaskMethod2<B, A1, A2> method);

	/**
	 * Returns a typed handle on the task method the reference points to.
	 * @param method a method reference such as {@code OrderTasks::charge}
	 * @return the handle
	 */
	<B, A1, A2, A3, R> TaskHandle3<A1, A2, A3, R> task(TaskMethod3<B, A1, A2, A3, R> method);

	/**
	 * Returns a typed handle on the {@code void} task method the reference points to.
	 * @param method a method reference such as {@code OrderTasks::notifyCustomer}
	 * @return the handle
	 */
	<B, A1, A2, A3> TaskHandle3<A1, A2, A3, Void> task(VoidTaskMethod3<B, A1, A2, A3> method);

	/**
	 * Returns a typed handle on the task method the reference points to.
	 * @param method a method reference such as {@code OrderTasks::charge}
	 * @return the handle
	 */
	<B, A1, A2, A3, A4, R> TaskHandle4<A1, A2, A3, A4, R> task(TaskMethod4<B, A1, A2, A3, A4, R> method);

	/**
	 * Returns a typed handle on the {@code void} task method the reference points to.
	 * @param method a method reference such as {@code OrderTasks::notifyCustomer}
	 * @return the handle
	 */
	<B, A1, A2, A3, A4> TaskHandle4<A1, A2, A3, A4, Void> task(VoidTaskMethod4<B, A1, A2, A3, A4> method);

}
