package dev.celerity.client;

import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.celerity.api.AsyncResult;
import dev.celerity.api.Signature;
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
import dev.celerity.api.TaskTemplate;
import dev.celerity.api.VoidTaskMethod0;
import dev.celerity.api.VoidTaskMethod1;
import dev.celerity.api.VoidTaskMethod2;
import dev.celerity.api.VoidTaskMethod3;
import dev.celerity.api.VoidTaskMethod4;
import dev.celerity.backend.ResultBackend;
import dev.celerity.broker.Broker;
import dev.celerity.canvas.SignatureCalls;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.TaskMessage;
import dev.celerity.publish.Lineage;
import dev.celerity.publish.OutboundCall;
import dev.celerity.publish.PublishInterceptor;
import dev.celerity.publish.TaskPublisher;
import dev.celerity.registry.TaskDefinition;
import dev.celerity.registry.TaskRegistry;
import dev.celerity.routing.Router;

/**
 * The {@link TaskTemplate}: turns calls into messages, routes them and hands them to the broker.
 */
public class DefaultTaskTemplate implements TaskTemplate {

	private final MessageCodec codec;

	private final ResultBackend backend;

	private final MethodReferenceResolver resolver;

	private final SignatureCalls calls;

	private final TaskPublisher publisher;

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
		this(codec, registry, new TaskPublisher(codec, router, broker, events, clock, publishInterceptor), backend,
				revoker);
	}

	/**
	 * Creates a template that publishes through a shared publisher.
	 * @param codec the message codec
	 * @param registry the locally registered tasks (to name method references and know ignored results)
	 * @param publisher publishes every call
	 * @param backend where results are read
	 * @param revoker revokes tasks for {@link AsyncResult#revoke(boolean)}
	 */
	public DefaultTaskTemplate(MessageCodec codec, TaskRegistry registry, TaskPublisher publisher,
			ResultBackend backend, TaskRevoker revoker) {
		this.registry = registry;
		this.revoker = revoker;
		this.codec = codec;
		this.backend = backend;
		this.calls = new SignatureCalls(codec);
		this.publisher = publisher;
		this.resolver = new MethodReferenceResolver(registry);
	}

	@Override
	public <R> AsyncResult<R> send(Signature<R> signature) {
		OutboundCall call = this.calls.call(signature, Lineage.ofCaller(null));
		this.publisher.publish(call);
		return handle(call, signature);
	}

	@Override
	public <R> List<AsyncResult<R>> sendAll(Collection<? extends Signature<R>> signatures) {
		Lineage lineage = Lineage.ofCaller(null);
		List<OutboundCall> calls = new ArrayList<>(signatures.size());
		List<AsyncResult<R>> results = new ArrayList<>(signatures.size());
		for (Signature<R> signature : signatures) {
			OutboundCall call = this.calls.call(signature, lineage);
			calls.add(call);
			results.add(handle(call, signature));
		}
		this.publisher.publishAll(calls);
		return results;
	}

	private <R> AsyncResult<R> handle(OutboundCall call, Signature<R> signature) {
		return new DefaultAsyncResult<>(call.id(), signature.resultType(), this.backend, this.codec, this.revoker,
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
	 * Builds the message a signature would be sent as now: id, JSON arguments, route, headers and continuation.
	 * @param signature the call
	 * @return the message
	 */
	public TaskMessage toMessage(Signature<?> signature) {
		return this.publisher.message(this.calls.call(signature, Lineage.ofCaller(null)));
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
