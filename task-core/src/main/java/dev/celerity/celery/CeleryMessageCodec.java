package dev.celerity.celery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.celerity.message.ChainRef;
import dev.celerity.message.DeliveryInfo;
import dev.celerity.message.GroupSlot;
import dev.celerity.message.MessageCodec;
import dev.celerity.message.MessageEmbed;
import dev.celerity.message.MessageHeaders;
import dev.celerity.message.SignatureSpec;
import dev.celerity.message.TaskMessage;

/**
 * Converts task messages to and from the envelope Celery's protocol v2 puts on a kombu Redis list: a JSON object
 * with a base64 body {@code [args, kwargs, {callbacks, errbacks, chain, chord}]}, the task's headers and kombu's
 * properties. Only JSON payloads are read; pickle, YAML and msgpack are refused, never deserialized.
 *
 * <p>Priorities, in the properties and in the options of every signature inside the body, cross the boundary
 * through {@link CeleryPriority}. Headers Celery does not define (trace context, 5.3's {@code stamps}) travel as
 * extra headers; non-text values among them are kept as their JSON text.
 */
public class CeleryMessageCodec {

	/** The routing rule name of messages read from a Celery list. */
	public static final String ROUTED_BY = "celery";

	/** The embed key of a stored chain's reference, which only Celerity workers follow. */
	static final String CHAIN_REF = "celerity_chain_ref";

	private static final Set<String> CELERY_HEADERS = Set.of("lang", "task", "id", "shadow", "eta", "expires", "group",
			"group_index", "retries", "timelimit", "root_id", "parent_id", "argsrepr", "kwargsrepr", "origin",
			"ignore_result");

	private final MessageCodec codec;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final String origin;

	/**
	 * Creates a codec.
	 * @param codec Celerity's codec, which converts signatures to and from their JSON form
	 * @param origin the {@code origin} header of messages sent from here (Celery writes {@code gen<pid>@<host>})
	 */
	public CeleryMessageCodec(MessageCodec codec, String origin) {
		this.codec = codec;
		this.origin = origin;
	}

	/**
	 * Writes a message as a Celery envelope.
	 * @param message the message
	 * @param queue the queue (kombu's routing key)
	 * @param celerityPriority the priority on Celerity's scale
	 * @param readyAt when the message may run, written as its {@code eta} if the headers have none, or {@code null}
	 * @return the envelope's UTF-8 JSON
	 */
	public byte[] encode(TaskMessage message, String queue, int celerityPriority, Instant readyAt) {
		MessageHeaders h = message.headers();
		Instant eta = (h.eta() != null) ? h.eta() : readyAt;
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put("lang", "java");
		headers.put("task", message.task());
		headers.put("id", message.id());
		headers.put("shadow", null);
		headers.put("eta", CeleryTimes.format(eta));
		headers.put("expires", CeleryTimes.format(h.expires()));
		headers.put("group", h.group());
		String groupIndex = h.extra().get(GroupSlot.GROUP_INDEX);
		headers.put("group_index", (groupIndex != null) ? Integer.valueOf(groupIndex) : null);
		headers.put("retries", h.retries());
		headers.put("timelimit", (h.timelimit() != null) ? h.timelimit() : java.util.Arrays.asList(null, null));
		headers.put("root_id", (h.rootId() != null) ? h.rootId() : message.id());
		headers.put("parent_id", h.parentId());
		headers.put("argsrepr", this.mapper.writeValueAsString(message.args()));
		headers.put("kwargsrepr", this.mapper.writeValueAsString(message.kwargs()));
		headers.put("origin", this.origin);
		headers.put("ignore_result", h.ignoresResult());
		h.extra().forEach((name, value) -> {
			if (!name.equals(GroupSlot.GROUP_INDEX)) {
				headers.putIfAbsent(name, value);
			}
		});
		List<Object> body = List.of(message.args(), message.kwargs(), embed(message.embed()));
		Map<String, Object> deliveryInfo = new LinkedHashMap<>();
		deliveryInfo.put("exchange", "");
		deliveryInfo.put("routing_key", queue);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("correlation_id", message.id());
		properties.put("reply_to", "");
		properties.put("delivery_mode", 2);
		properties.put("delivery_info", deliveryInfo);
		properties.put("priority", CeleryPriority.toCelery(celerityPriority));
		properties.put("body_encoding", "base64");
		properties.put("delivery_tag", UUID.randomUUID().toString());
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("body", Base64.getEncoder().encodeToString(this.mapper.writeValueAsBytes(body)));
		envelope.put("content-encoding", "utf-8");
		envelope.put("content-type", "application/json");
		envelope.put("headers", headers);
		envelope.put("properties", properties);
		return this.mapper.writeValueAsBytes(envelope);
	}

	/**
	 * Reads a Celery envelope.
	 * @param envelope the envelope's UTF-8 JSON, as found on a kombu list
	 * @param queue the queue it was read from
	 * @return the message, its priority on Celerity's scale
	 * @throws CeleryMessageRefusedException if the envelope is not a JSON task message of protocol 2
	 */
	public TaskMessage decode(byte[] envelope, String queue) {
		Map<String, Object> outer = map(parse(envelope), "envelope");
		String contentType = String.valueOf(outer.get("content-type"));
		if (!"application/json".equals(contentType)) {
			throw new CeleryMessageRefusedException("Content type '" + contentType + "' is refused: Celerity reads "
					+ "JSON only and never deserializes pickle, YAML or msgpack (set task_serializer='json')");
		}
		Map<String, Object> headers = map(outer.get("headers"), "headers");
		Map<String, Object> properties = map(outer.get("properties"), "properties");
		if (!(headers.get("task") instanceof String task) || !(headers.get("id") instanceof String id)) {
			throw new CeleryMessageRefusedException("Not a Celery protocol 2 task message: headers 'task' and 'id' "
					+ "are required (protocol 1 is not read)");
		}
		List<?> body = list(parse(bodyBytes(outer, properties)), "body");
		if (body.size() != 3) {
			throw new CeleryMessageRefusedException("Body must be [args, kwargs, embed], but has " + body.size()
					+ " elements");
		}
		Integer celeryPriority = (properties.get("priority") instanceof Number p) ? p.intValue() : null;
		return new TaskMessage(id, task, list(body.get(0), "args"), map(body.get(1), "kwargs"), headers(headers),
				new DeliveryInfo(queue, CeleryPriority.fromCelery(celeryPriority), ROUTED_BY),
				embed(map(body.get(2), "embed")));
	}

	private MessageHeaders headers(Map<String, Object> headers) {
		Map<String, String> extra = new LinkedHashMap<>();
		headers.forEach((name, value) -> {
			if (!CELERY_HEADERS.contains(name) && value != null) {
				extra.put(name, (value instanceof String text) ? text : this.mapper.writeValueAsString(value));
			}
		});
		if (headers.get("group_index") instanceof Number index) {
			extra.put(GroupSlot.GROUP_INDEX, Integer.toString(index.intValue()));
		}
		List<Double> timelimit = null;
		if (headers.get("timelimit") instanceof List<?> limits && limits.size() == 2
				&& (limits.get(0) != null || limits.get(1) != null)) {
			timelimit = java.util.Arrays.asList(seconds(limits.get(0)), seconds(limits.get(1)));
		}
		int retries = (headers.get("retries") instanceof Number n) ? n.intValue() : 0;
		return new MessageHeaders(retries, CeleryTimes.parse(headers.get("eta")),
				CeleryTimes.parse(headers.get("expires")), text(headers.get("root_id")),
				text(headers.get("parent_id")), text(headers.get("group")), extra, timelimit,
				Boolean.TRUE.equals(headers.get("ignore_result")) ? Boolean.TRUE : null);
	}

	private Map<String, Object> embed(MessageEmbed embed) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("callbacks", signatures(embed.callbacks()));
		out.put("errbacks", signatures(embed.errbacks()));
		out.put("chain", signatures(embed.chain()));
		out.put("chord", (embed.chord() != null) ? signature(embed.chord()) : null);
		if (embed.chainRef() != null) {
			out.put(CHAIN_REF, this.codec.toJsonValue(embed.chainRef()));
		}
		return out;
	}

	private MessageEmbed embed(Map<String, Object> embed) {
		ChainRef chainRef = (embed.get(CHAIN_REF) != null) ? this.codec.convert(embed.get(CHAIN_REF), ChainRef.class)
				: null;
		Object chord = embed.get("chord");
		return new MessageEmbed(specs(embed.get("callbacks")), specs(embed.get("errbacks")), specs(embed.get("chain")),
				chainRef, (chord != null) ? spec(chord) : null, null);
	}

	private List<Object> signatures(List<SignatureSpec> specs) {
		if (specs.isEmpty()) {
			return null;
		}
		List<Object> out = new ArrayList<>(specs.size());
		specs.forEach((spec) -> out.add(signature(spec)));
		return out;
	}

	private Object signature(SignatureSpec spec) {
		return SignaturePriorities.toCelery(this.codec.toJsonValue(spec));
	}

	private List<SignatureSpec> specs(Object value) {
		if (value == null) {
			return List.of();
		}
		List<SignatureSpec> out = new ArrayList<>();
		for (Object spec : list(value, "signatures")) {
			out.add(spec(spec));
		}
		return out;
	}

	private SignatureSpec spec(Object value) {
		return this.codec.convert(SignaturePriorities.fromCelery(value), SignatureSpec.class);
	}

	private byte[] bodyBytes(Map<String, Object> outer, Map<String, Object> properties) {
		if (!(outer.get("body") instanceof String body)) {
			throw new CeleryMessageRefusedException("Body must be a string");
		}
		String encoding = String.valueOf(properties.get("body_encoding"));
		if (encoding.equals("base64")) {
			try {
				return Base64.getDecoder().decode(body);
			}
			catch (IllegalArgumentException ex) {
				throw new CeleryMessageRefusedException("Body is not valid base64: " + ex.getMessage());
			}
		}
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private Object parse(byte[] json) {
		try {
			return this.mapper.readValue(json, Object.class);
		}
		catch (JacksonException ex) {
			throw new CeleryMessageRefusedException("Not JSON: " + ex.getOriginalMessage());
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value, String what) {
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new CeleryMessageRefusedException("The " + what + " must be a JSON object, but was " + value);
		}
		return (Map<String, Object>) map;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value, String what) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new CeleryMessageRefusedException("The " + what + " must be a JSON array, but was " + value);
		}
		return (List<Object>) list;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static Double seconds(Object value) {
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

}
