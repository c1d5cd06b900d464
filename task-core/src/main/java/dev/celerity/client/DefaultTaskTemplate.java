package dev.celerity.client;

import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
import dev.celerity.api.TaskContext;
import dev.celerity.api.TaskContextHolder;
import dev.celerity.api.TaskHandle0;
import dev.celerity.api.TaskHandle1;
import dev.celerity.api.TaskHandle2;
import dev.celerity.api.TaskHandle3;
import dev.celerity.api.TaskHandle4;
import dev.celerity.api.TaskMethod0;
import dev.celerity.api.TaskMethod1;
import dev.celerity.api.TaskMethod2;
import dev.celerity.api.TaskMethod3;
import dev.celerity.api.TaskMethod4;
import dev.celerity.api.TaskOptions;
import dev.celerity.api.TaskTemplate;
import dev.celerity.api.VoidTaskMethod0;
import dev.celerity.api.VoidTaskMethod1;
import dev.celerity.api.VoidTaskMethod2;
import dev.celerity.api.VoidTaskMethod3;
import dev.celerity.api.VoidTaskMethod4;
import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.DeliveryInfo;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageEmbed;
import dev.celerity.message.MessageHeaders;
import dev.celerity.message.SignatureSpec;
import dev.celerity.message.TaskMessage;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.routing.Route;
import dev.celerity.routing.Router;

/**
 * The {@link TaskTemplate}: turns calls into messages, routes them and hands them to the broker.
 */
public class DefaultTaskTemplate implements TaskTemplate {

	private final MessageCodec codec;

	private final Router router;

	private final Broker broker;

	private final ResultBackend backend;

	private final TaskEventListener events;

	private final Clock clock;

	private final MethodReferenceResolver resolver;

	private final PublishInterceptor publishInterceptor;

	private final TaskRegistry registry;

	private final TaskRevoker revoker;

	/**
	 * Creates a template.
	 * @param codec the message codec
	 * @param registry the locally registered tasks (to name method references)
	 * @param router decides queue and priority
	 * @param broker where messages go
	 * @param backend where results are read
	 * @param events where the published event goes
	 * @param clock the clock for countdowns
	 */
	public DefaultTaskTemplate(MessageCodec codec, TaskRegistry registry, Router router, Broker broker,
			ResultBackend backend, TaskEventListener events, Clock clock) {
		this(codec, registry, router, broker, backend, events, clock, PublishInterceptor.NONE);
	}

	/**
	 * Creates a template whose publishing is intercepted (observation and trace propagation).
	 * @param codec the message codec
	 * @param registry the locally registered tasks (to name method references)
	 * @param router decides queue and priority
	 * @param broker where messages go
	 * @param backend where results are read
	 * @param events where the published event goes
	 * @param clock the clock for countdowns
	 * @param publishInterceptor wraps each publish
	 */
	public DefaultTaskTemplate(MessageCodec codec, TaskRegistry registry, Router router, Broker broker,
			ResultBackend backend, TaskEventListener events, Clock clock, PublishInterceptor publishInterceptor) {
		this(codec, registry, router, broker, backend, events, clock, publishInterceptor, TaskRevoker.UNAVAILABLE);
	}

	/**
	 * Creates a template whose result handles can revoke their tasks.
	 * @param codec the message codec
	 * @param registry the locally registered tasks (to name method references and know ignored results)
	 * @param router decides queue and priority
	 * @param broker where messages go
	 * @param backend where results are read
	 * @param events where the published event goes
	 * @param clock the clock for countdowns
	 * @param publishInterceptor wraps each publish
	 * @param revoker revokes tasks for {@link AsyncResult#revoke(boolean)}
	 */
	public DefaultTaskTemplate(MessageCodec codec, TaskRegistry registry, Router router, Broker broker,
			ResultBackend backend, TaskEventListener events, Clock clock, PublishInterceptor publishInterceptor,
			TaskRevoker revoker) {
		this.registry = registry;
		this.revoker = revoker;
		this.publishInterceptor = publishInterceptor;
		this.codec = codec;
		this.router = router;
		this.broker = broker;
		this.backend = backend;
		this.events = events;
		this.clock = clock;
		this.resolver = new MethodReferenceResolver(registry);
	}

	@Override
	public <R> AsyncResult<R> send(Signature<R> signature) {
		TaskMessage message = toMessage(signature);
		DeliveryInfo delivery = message.delivery();
		boolean stored = this.publishInterceptor.publish(message,
				(sent) -> this.broker.publish(new OutboundMessage(sent.id(), delivery.queue(), delivery.priority(),
						sent.headers().eta(), this.codec.encode(sent))));
		if (stored) {
			this.events.onEvent(new TaskEvent.TaskPublished(message.id(), message.task(), delivery.queue(),
					delivery.priority(), message.headers().eta()));
		}
		return new DefaultAsyncResult<>(message.id(), signature.resultType(), this.backend, this.codec, this.revoker,
				ignoresResult(signature));
	}

	@Override
	public <R> AsyncResult<R> result(String taskId, Type resultType) {
		return new DefaultAsyncResult<>(taskId, resultType, this.backend, this.codec, this.revoker, false);
	}

	/**
	 * Tells whether a call stores no result: the call option decides, else the task's {@code ignoreResult} when it
	 * is registered here; a publish-only caller that does not register the task sets the option.
	 */
	private boolean ignoresResult(Signature<?> signature) {
		Boolean option = signature.options().ignoreResult();
		if (option != null) {
			return option;
		}
		return this.registry.find(signature.taskName()).map(TaskDefinition::ignoreResult).orElse(false);
	}

	/**
	 * Builds the message a signature is sent as: id, JSON arguments, route, headers and continuation.
	 * @param signature the call
	 * @return the message
	 */
	public TaskMessage toMessage(Signature<?> signature) {
		TaskOptions options = signature.options();
		String id = (options.taskId() != null) ? options.taskId() : TaskIds.next();
		List<Object> args = jsonArgs(signature.args());
		Map<String, Object> kwargs = jsonKwargs(signature.kwargs());
		Route route = this.router.route(signature.taskName(), args, kwargs, options);
		Instant now = this.clock.instant();
		Instant readyAt = options.readyAt(now);
		TaskContext parent = TaskContextHolder.current().orElse(null);
		String rootId = (parent == null) ? id : String.valueOf(parent.headers().getOrDefault("root_id", parent.id()));
		MessageHeaders headers = new MessageHeaders(0, readyAt, options.expires(), rootId,
				(parent != null) ? parent.id() : null, null, Map.of(MessageHeaders.SENT_AT, now.toString()),
				MessageHeaders.timelimit(options.softTimeLimit(), options.hardTimeLimit()), options.ignoreResult());
		MessageEmbed embed = new MessageEmbed(specs(signature.links()), specs(signature.errorLinks()), List.of(), null);
		return new TaskMessage(id, signature.taskName(), args, kwargs, headers,
				new DeliveryInfo(route.queue(), route.priority(), route.decidedBy()), embed);
	}

	private List<SignatureSpec> specs(List<Signature<?>> signatures) {
		List<SignatureSpec> specs = new ArrayList<>(signatures.size());
		for (Signature<?> signature : signatures) {
			specs.add(new SignatureSpec(signature.taskName(), jsonArgs(signature.args()),
					jsonKwargs(signature.kwargs()), optionMap(signature.options()), signature.isImmutable(), null));
		}
		return specs;
	}

	private Map<String, Object> optionMap(TaskOptions options) {
		Map<String, Object> map = new LinkedHashMap<>();
		putIfSet(map, "queue", options.queue());
		putIfSet(map, "priority", options.priority());
		putIfSet(map, "countdown", (options.countdown() != null) ? options.countdown().toMillis() / 1000.0 : null);
		putIfSet(map, "eta", (options.eta() != null) ? options.eta().toString() : null);
		putIfSet(map, "expires", (options.expires() != null) ? options.expires().toString() : null);
		putIfSet(map, "soft_time_limit", MessageHeaders.seconds(options.softTimeLimit()));
		putIfSet(map, "time_limit", MessageHeaders.seconds(options.hardTimeLimit()));
		putIfSet(map, "ignore_result", options.ignoreResult());
		putIfSet(map, "task_id", options.taskId());
		return map;
	}

	private List<Object> jsonArgs(List<Object> args) {
		List<Object> json = new ArrayList<>(args.size());
		for (Object arg : args) {
			json.add(this.codec.toJsonValue(arg));
		}
		return json;
	}

	private Map<String, Object> jsonKwargs(Map<String, Object> kwargs) {
		if (kwargs.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> json = new LinkedHashMap<>();
		kwargs.forEach((name, value) -> json.put(name, this.codec.toJsonValue(value)));
		return json;
	}

	private static void putIfSet(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private <R> Signature<R> base(ResolvedTask task) {
		return Signature.of(task.name(), task.resultType());
	}

	@Override
	public <B, R> TaskHandle0<R> task(TaskMethod0<B, R> method) {
		return new TaskHandle0<>(this, base(this.resolver.resolve(method)));
	}

	@Override
	public <B> TaskHandle0<Void> task(VoidTaskMethod0<B> method) {
		return new TaskHandle0<>(this, base(this.resolver.resolve(method)));
	}

	@Override
	public <B, A1, R> TaskHandle1<A1, R> task(TaskMethod1<B, A1, R> method) {
		return new TaskHandle1<>(this, base(this.resolver.resolve(method)));
	}

	@Override
	public <B, A1> TaskHandle1<A1, Void> task(VoidTaskMethod1<B, A1> method) {
		return new TaskHandle1<>(this, base(this.resolver.resolve(method)));
	}

	@Override
	public <B, A1, A2, R> TaskHandle2<A1, A2, R> task(TaskMethod2<B, A1, A2, R> method) {
		return new TaskHandle2<>(this, base(this.resolver.resolve(method)));
	}

	@Override
	public <B, A1, A2> TaskHandle2<A1, A2, Void> task(VoidTaskMethod2<B, A1, A2> method) {
		return new TaskHandle2<>(this, base(this.resolver.resolve(method)));
	}

	@Override
	public <B, A1, A2, A3, R> TaskHandle3<A1, A2, A3, R> task(TaskMethod3<B, A1, A2, A3, R> method) {
		return new TaskHandle3<>(this, base(this.resolver.resolve(method)));
	}

	@Override
	public <B, A1, A2, A3> TaskHandle3<A1, A2, A3, Void> task(VoidTaskMethod3<B, A1, A2, A3> method) {
		return new TaskHandle3<>(this, base(this.resolver.resolve(method)));
	}

	@Override
	public <B, A1, A2, A3, A4, R> TaskHandle4<A1, A2, A3, A4, R> task(TaskMethod4<B, A1, A2, A3, A4, R> method) {
		return new TaskHandle4<>(this, base(this.resolver.resolve(method)));
	}

	@Override
	public <B, A1, A2, A3, A4> TaskHandle4<A1, A2, A3, A4, Void> task(VoidTaskMethod4<B, A1, A2, A3, A4> method) {
		return new TaskHandle4<>(this, base(this.resolver.resolve(method)));
	}

}
