package dev.celerity.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.celerity.api.RetryRequest;
import dev.celerity.api.TaskContext;
import dev.celerity.backend.TaskResult;
import dev.celerity.broker.Delivery;
import dev.celerity.message.MessageHeaders;
import dev.celerity.message.TaskMessage;

/**
 * The {@link TaskContext} of one attempt of one task.
 */
final class RunningTaskContext implements TaskContext {

	private final TaskMessage message;

	private final Delivery delivery;

	private final DeliverySettler settler;

	private final Clock clock;

	RunningTaskContext(TaskMessage message, Delivery delivery, DeliverySettler settler, Clock clock) {
		this.message = message;
		this.delivery = delivery;
		this.settler = settler;
		this.clock = clock;
	}

	@Override
	public String id() {
		return this.message.id();
	}

	@Override
	public String taskName() {
		return this.message.task();
	}

	@Override
	public int retries() {
		return this.message.headers().retries();
	}

	@Override
	public Map<String, Object> headers() {
		MessageHeaders headers = this.message.headers();
		Map<String, Object> all = new LinkedHashMap<>(headers.extra());
		putIfSet(all, "root_id", headers.rootId());
		putIfSet(all, "parent_id", headers.parentId());
		putIfSet(all, "group", headers.group());
		putIfSet(all, "eta", headers.eta());
		putIfSet(all, "expires", headers.expires());
		putIfSet(all, "timelimit", headers.timelimit());
		putIfSet(all, "ignore_result", headers.ignoreResult());
		all.put("retries", headers.retries());
		return all;
	}

	@Override
	public String queue() {
		return this.delivery.queue();
	}

	@Override
	public int priority() {
		return this.delivery.priority();
	}

	@Override
	public void updateState(String state, Map<String, ?> meta) {
		this.settler.store(new TaskResult(id(), taskName(), state, null, new LinkedHashMap<>(meta), null,
				this.clock.instant()));
	}

	@Override
	public RetryRequest retry(Duration countdown, Throwable cause) {
		return new RetryRequest(countdown, cause);
	}

	@Override
	public RetryRequest retry(Throwable cause) {
		return new RetryRequest(null, cause);
	}

	TaskMessage message() {
		return this.message;
	}

	private static void putIfSet(Map<String, Object> headers, String name, Object value) {
		if (value != null) {
			headers.put(name, value);
		}
	}

}
