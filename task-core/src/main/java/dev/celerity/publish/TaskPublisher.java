package dev.celerity.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.celerity.api.TaskOptions;
import dev.celerity.broker.Broker;
import dev.celerity.broker.OutboundMessage;
import dev.celerity.events.TaskEvent;
import dev.celerity.events.TaskEventListener;
import dev.celerity.message.DeliveryInfo;
import dev.celerity.message.GroupSlot;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageHeaders;
import dev.celerity.message.SentAt;
import dev.celerity.message.TaskMessage;
import dev.celerity.routing.Route;
import dev.celerity.routing.Router;

/**
 * The one outbound path: turns calls into messages (route, lineage, group slot, time and result options, the time
 * sent), passes each through the publish interceptor, encodes them, stores them in the broker (one call for many)
 * and announces each stored one with a {@link TaskEvent.TaskPublished} event. The task template, workflows, their
 * continuations and the beat all publish through here; next attempts are built by {@link NextAttempts}.
 */
public class TaskPublisher {

	/** The largest message whose arguments its {@code TaskPublished} event repeats. */
	static final int EVENT_ARGUMENTS_MAX_BYTES = 4096;

	private final MessageCodec codec;

	private final Router router;

	private final Broker broker;

	private final TaskEventListener events;

	private final Clock clock;

	private final PublishInterceptor interceptor;

	private final PublishRetries retries;

	/**
	 * Creates a publisher.
	 * @param codec encodes the messages
	 * @param router decides queue and priority
	 * @param broker stores the messages
	 * @param events hears of every stored message
	 * @param clock the clock for countdowns and the time sent
	 * @param interceptor wraps the publishing of each message (observation, trace context)
	 */
	public TaskPublisher(MessageCodec codec, Router router, Broker broker, TaskEventListener events, Clock clock,
			PublishInterceptor interceptor) {
		this(codec, router, broker, events, clock, interceptor, PublishRetries.DEFAULT_TIMEOUT);
	}

	/**
	 * Creates a publisher with a publish timeout of its own.
	 * @param codec encodes the messages
	 * @param router decides queue and priority
	 * @param broker stores the messages
	 * @param events hears of every stored message
	 * @param clock the clock for countdowns and the time sent
	 * @param interceptor wraps the publishing of each message (observation, trace context)
	 * @param publishTimeout how long a store is tried again while the broker is unavailable, before the caller gets
	 * a {@link dev.celerity.api.TaskPublishException}
	 */
	public TaskPublisher(MessageCodec codec, Router router, Broker broker, TaskEventListener events, Clock clock,
			PublishInterceptor interceptor, Duration publishTimeout) {
		this.retries = new PublishRetries(publishTimeout);
		this.codec = codec;
		this.router = router;
		this.broker = broker;
		this.events = events;
		this.clock = clock;
		this.interceptor = interceptor;
	}

	/**
	 * Publishes one call.
	 * @param call the call
	 * @return whether the broker stored it ({@code false} when a message with its id is pending or running)
	 */
	public boolean publish(OutboundCall call) {
		TaskMessage message = message(call, this.clock.instant());
		return this.interceptor.publish(message, (intercepted) -> {
			OutboundMessage outbound = OutboundMessages.of(intercepted, this.codec);
			boolean stored = this.retries.store(intercepted.task(), outbound.queue(),
					() -> this.broker.publish(outbound));
			if (stored) {
				published(intercepted, outbound.body().length);
			}
			return stored;
		});
	}

	/**
	 * Publishes calls in one broker call: each passes the interceptor (which adds its headers, such as the trace
	 * context) on its way into the batch, and the batch is stored once all have passed.
	 * @param calls the calls
	 * @return how many the broker stored
	 */
	public int publishAll(List<OutboundCall> calls) {
		if (calls.size() <= 1) {
			return (calls.isEmpty() || publish(calls.get(0))) ? calls.size() : 0;
		}
		Instant now = this.clock.instant();
		List<TaskMessage> intercepted = new ArrayList<>(calls.size());
		for (OutboundCall call : calls) {
			this.interceptor.publish(message(call, now), intercepted::add);
		}
		List<OutboundMessage> outbound = new ArrayList<>(intercepted.size());
		intercepted.forEach((message) -> outbound.add(OutboundMessages.of(message, this.codec)));
		int stored = this.retries.store(intercepted.get(0).task(), outbound.get(0).queue(),
				() -> this.broker.publishAll(outbound));
		if (stored == intercepted.size()) {
			for (int i = 0; i < intercepted.size(); i++) {
				published(intercepted.get(i), outbound.get(i).body().length);
			}
		}
		return stored;
	}

	/**
	 * Builds the message of a call, as it would be published now.
	 * @param call the call
	 * @return the message
	 */
	public TaskMessage message(OutboundCall call) {
		return message(call, this.clock.instant());
	}

	private TaskMessage message(OutboundCall call, Instant now) {
		TaskOptions options = call.options();
		Route route = this.router.route(call.task(), call.args(), call.kwargs(), options);
		Map<String, String> extra = new LinkedHashMap<>();
		extra.put(MessageHeaders.SENT_AT, SentAt.format(now));
		GroupSlot slot = call.embed().slot();
		if (slot != null) {
			slot.writeTo(extra);
		}
		MessageHeaders headers = new MessageHeaders(0, options.readyAt(now), options.expires(),
				call.lineage().rootOf(call.id()), call.lineage().parentId(),
				(slot != null) ? slot.groupId() : null, extra,
				MessageHeaders.timelimit(options.softTimeLimit(), options.hardTimeLimit()), options.ignoreResult());
		return new TaskMessage(call.id(), call.task(), call.args(), call.kwargs(), headers,
				new DeliveryInfo(route.queue(), route.priority(), route.decidedBy()), call.embed());
	}

	private void published(TaskMessage message, int bodyBytes) {
		MessageHeaders headers = message.headers();
		String rootId = message.id().equals(headers.rootId()) ? null : headers.rootId();
		// the arguments travel with the event (so a dashboard can show and send the call again) unless they are large
		boolean small = bodyBytes <= EVENT_ARGUMENTS_MAX_BYTES;
		this.events.onEvent(new TaskEvent.TaskPublished(message.id(), message.task(), message.delivery().queue(),
				message.delivery().priority(), headers.eta(), rootId, headers.parentId(), headers.group(),
				message.delivery().routedBy(), small ? message.args() : null, small ? message.kwargs() : null));
	}

}
