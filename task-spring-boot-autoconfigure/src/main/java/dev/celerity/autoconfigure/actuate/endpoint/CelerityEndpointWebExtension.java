package dev.celerity.autoconfigure.actuate.endpoint;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * HTTP status codes for the {@link CelerityEndpoint}: 404 for an unknown section, queue section or task id, 400 for
 * an unknown action or a missing argument.
 */
@EndpointWebExtension(endpoint = CelerityEndpoint.class)
public class CelerityEndpointWebExtension {

	private final CelerityEndpoint delegate;

	/**
	 * Creates the extension.
	 * @param delegate the endpoint
	 */
	public CelerityEndpointWebExtension(CelerityEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * Describes one part of the cluster.
	 * @param section {@code workers}, {@code queues}, {@code tasks} or {@code schedules}
	 * @return the part, or 404
	 */
	@ReadOperation
	public WebEndpointResponse<Object> section(@Selector String section) {
		return orNotFound(this.delegate.section(section));
	}

	/**
	 * Describes one queue or one task by id.
	 * @param section {@code queues} or {@code tasks}
	 * @param name the queue name or task id
	 * @return the description, or 404
	 */
	@ReadOperation
	public WebEndpointResponse<Object> item(@Selector String section, @Selector String name) {
		return orNotFound(this.delegate.item(section, name));
	}

	/**
	 * Controls a task, a queue or a rate limit; see {@link CelerityEndpoint#control}.
	 * @param section {@code tasks}, {@code queues} or {@code rate-limits}
	 * @param name the task id, queue name or task name
	 * @param action what to do
	 * @param terminate for revoke: interrupt the task if it runs
	 * @param limit for a rate limit: the new limit
	 * @param max for replay: the most dead letters to move
	 * @return what was done, or 400
	 */
	@WriteOperation
	public WebEndpointResponse<Object> control(@Selector String section, @Selector String name, String action,
			@Nullable Boolean terminate, @Nullable String limit, @Nullable Integer max) {
		try {
			return new WebEndpointResponse<>(this.delegate.control(section, name, action, terminate, limit, max));
		}
		catch (IllegalArgumentException ex) {
			return new WebEndpointResponse<>(Map.of("error", String.valueOf(ex.getMessage())),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		catch (UnsupportedOperationException ex) {
			return new WebEndpointResponse<>(Map.of("error", String.valueOf(ex.getMessage())),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
	}

	private static WebEndpointResponse<Object> orNotFound(@Nullable Object body) {
		return (body != null) ? new WebEndpointResponse<>(body)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
