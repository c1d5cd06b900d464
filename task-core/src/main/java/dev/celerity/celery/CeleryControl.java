package dev.celerity.celery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.celerity.broker.Delivery;
import dev.celerity.control.ControlCommand;
import dev.celerity.control.ControlDispatcher;
import dev.celerity.control.ControlReply;
import dev.celerity.control.RevocationStore;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.TaskMessage;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.worker.AttemptSupervisor.RunningTask;

/**
 * Answers Celery's remote-control commands (what {@code celery inspect} and {@code celery control} broadcast) for
 * this Celerity worker, in the shapes a Celery worker answers them: {@code ping}, {@code registered},
 * {@code active}, {@code reserved}, {@code scheduled}, {@code stats}, {@code revoke} and {@code rate_limit}. Revokes
 * and rate limits go through Celerity's own control commands, so they act as Celerity's do.
 */
public class CeleryControl {

	private final String hostname;

	private final long pid;

	private final TaskRegistry registry;

	private final Supplier<List<RunningTask>> running;

	private final Supplier<Collection<Delivery>> leased;

	private final MessageCodec codec;

	private final RevocationStore revocations;

	private final ControlDispatcher dispatcher;

	private final Clock clock;

	private final long startedAt;

	/**
	 * Creates the adapter.
	 * @param hostname this worker's Celery node name ({@code name@host})
	 * @param registry the tasks this instance runs
	 * @param running the attempts running now
	 * @param leased the messages this instance's pools hold now (running and prefetched)
	 * @param codec the codec their bodies are read with
	 * @param revocations the revocation store
	 * @param dispatcher this instance's control dispatcher, or {@code null}
	 * @param clock the clock
	 */
	public CeleryControl(String hostname, TaskRegistry registry, Supplier<List<RunningTask>> running,
			Supplier<Collection<Delivery>> leased, MessageCodec codec, RevocationStore revocations,
			ControlDispatcher dispatcher, Clock clock) {
		this.hostname = hostname;
		this.pid = ProcessHandle.current().pid();
		this.registry = registry;
		this.running = running;
		this.leased = leased;
		this.codec = codec;
		this.revocations = revocations;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.startedAt = clock.millis();
	}

	/** @return this worker's Celery node name */
	public String hostname() {
		return this.hostname;
	}

	/**
	 * Tells whether a broadcast is meant for this worker.
	 * @param destination the command's destination: {@code null} for every worker, or a list of node names
	 * @return whether to answer
	 */
	public boolean isFor(Object destination) {
		return !(destination instanceof Collection<?> names) || names.isEmpty() || names.contains(this.hostname);
	}

	/**
	 * Applies a command and returns this worker's reply.
	 * @param method the command
	 * @param arguments its arguments
	 * @return the reply, or {@code {"error": ...}} for a command Celerity does not know
	 */
	public Object answer(String method, Map<String, Object> arguments) {
		return switch (method) {
			case "ping" -> Map.of("ok", "pong");
			case "registered" -> this.registry.all().stream().map(TaskDefinition::name).sorted().toList();
			case "active" -> active();
			case "reserved" -> reserved();
			case "scheduled", "revoked" -> List.of();
			case "stats" -> stats();
			case "revoke" -> revoke(arguments);
			case "rate_limit" -> rateLimit(arguments);
			default -> Map.of("error", "No such command: " + method);
		};
	}

	private List<Object> active() {
		Map<String, Delivery> held = held();
		List<Object> active = new ArrayList<>();
		for (RunningTask task : this.running.get()) {
			Map<String, Object> request = request(task.taskId(), task.taskName(), held.get(task.taskId()));
			request.put("time_start", task.startedAt().toEpochMilli() / 1000.0);
			request.put("worker_pid", this.pid);
			active.add(request);
		}
		return active;
	}

	/** The messages this worker holds and has not started: prefetched, as Celery's reserved requests. */
	private List<Object> reserved() {
		Map<String, Delivery> held = held();
		this.running.get().forEach((task) -> held.remove(task.taskId()));
		List<Object> reserved = new ArrayList<>();
		for (Delivery delivery : held.values()) {
			Map<String, Object> request = request(delivery.id(), null, delivery);
			request.put("time_start", null);
			request.put("worker_pid", null);
			reserved.add(request);
		}
		return reserved;
	}

	private Map<String, Delivery> held() {
		Map<String, Delivery> held = new LinkedHashMap<>();
		this.leased.get().forEach((delivery) -> held.put(delivery.id(), delivery));
		return held;
	}

	// a request in the shape a Celery worker reports it, with the arguments read from the held message
	private Map<String, Object> request(String taskId, String taskName, Delivery delivery) {
		TaskMessage message = decodeQuietly(delivery);
		String name = (taskName != null) ? taskName : (message != null) ? message.task() : null;
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("id", taskId);
		request.put("name", name);
		request.put("args", (message != null) ? message.args() : List.of());
		request.put("kwargs", (message != null) ? message.kwargs() : Map.of());
		request.put("type", name);
		request.put("hostname", this.hostname);
		request.put("acknowledged", false);
		request.put("delivery_info", Map.of("exchange", "", "routing_key", (delivery != null) ? delivery.queue() : "",
				"priority", (delivery != null) ? CeleryPriority.toCelery(delivery.priority()) : 0, "redelivered",
				delivery != null && delivery.redelivered()));
		return request;
	}

	private TaskMessage decodeQuietly(Delivery delivery) {
		if (delivery == null) {
			return null;
		}
		try {
			return this.codec.decode(delivery.body());
		}
		catch (RuntimeException ex) {
			// a message the worker will dead-letter: listed without its arguments
			return null;
		}
	}

	private Map<String, Object> stats() {
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("total", Map.of());
		stats.put("pid", this.pid);
		stats.put("clock", "0");
		stats.put("uptime", (this.clock.millis() - this.startedAt) / 1000);
		stats.put("pool", Map.of("implementation", "celerity", "max-concurrency", 0));
		stats.put("broker", Map.of("transport", "redis"));
		stats.put("sw_ident", "celerity");
		return stats;
	}

	private Map<String, Object> revoke(Map<String, Object> arguments) {
		Object ids = arguments.get("task_id");
		List<String> taskIds = new ArrayList<>();
		if (ids instanceof Collection<?> many) {
			many.forEach((id) -> taskIds.add(String.valueOf(id)));
		}
		else if (ids != null) {
			taskIds.add(String.valueOf(ids));
		}
		boolean terminate = Boolean.TRUE.equals(arguments.get("terminate"));
		for (String taskId : taskIds) {
			this.revocations.revoke(taskId);
			if (this.dispatcher != null) {
				this.dispatcher.dispatch(ControlCommand.of(ControlCommand.REVOKE,
						Map.of("task_id", taskId, "terminate", Boolean.toString(terminate))));
			}
		}
		return Map.of("ok", "tasks " + String.join(", ", taskIds) + " flagged as revoked");
	}

	private Map<String, Object> rateLimit(Map<String, Object> arguments) {
		Object task = arguments.get("task_name");
		Object limit = arguments.get("rate_limit");
		if (task == null || this.dispatcher == null) {
			return Map.of("error", "rate_limit needs task_name");
		}
		Map<String, String> command = new LinkedHashMap<>();
		command.put("task", task.toString());
		if (limit != null && !limit.toString().isEmpty() && !"0".equals(limit.toString())) {
			command.put("limit", limit.toString());
		}
		ControlReply reply = this.dispatcher.dispatch(ControlCommand.of(ControlCommand.RATE_LIMIT, command));
		return reply.applied() ? Map.of("ok", "new rate limit set successfully")
				: Map.of("error", "rate limit not applied: " + reply.detail());
	}

}
