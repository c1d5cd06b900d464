package dev.celerity.celery;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * kombu's envelope of a message that is not a task: a remote-control command or reply, an event. The body is
 * base64 JSON, as kombu's Redis transport writes it.
 */
public final class KombuEnvelope {

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Wraps a body.
	 * @param body the body (a JSON value)
	 * @param headers the message headers
	 * @param exchange the exchange it is published to
	 * @param routingKey its routing key
	 * @param deliveryMode kombu's delivery mode (1 transient, 2 persistent)
	 * @return the envelope's UTF-8 JSON
	 */
	public byte[] wrap(Object body, Map<String, Object> headers, String exchange, String routingKey,
			int deliveryMode) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("body", Base64.getEncoder().encodeToString(this.mapper.writeValueAsBytes(body)));
		envelope.put("content-encoding", "utf-8");
		envelope.put("content-type", "application/json");
		envelope.put("headers", headers);
		envelope.put("properties", Map.of("delivery_mode", deliveryMode, "delivery_info",
				Map.of("exchange", exchange, "routing_key", routingKey), "priority", 0, "body_encoding", "base64",
				"delivery_tag", UUID.randomUUID().toString()));
		return this.mapper.writeValueAsBytes(envelope);
	}

	/**
	 * Unwraps the JSON object a kombu envelope carries.
	 * @param envelope the envelope's UTF-8 JSON
	 * @return the body
	 * @throws CeleryMessageRefusedException if it is not a JSON envelope with a JSON object body
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> unwrap(byte[] envelope) {
		try {
			Map<String, Object> outer = this.mapper.readValue(envelope, Map.class);
			if (!"application/json".equals(outer.get("content-type")) || !(outer.get("body") instanceof String body)) {
				throw new CeleryMessageRefusedException("Not a JSON kombu message: content type "
						+ outer.get("content-type"));
			}
			Map<String, Object> properties = (outer.get("properties") instanceof Map<?, ?> p)
					? (Map<String, Object>) p : Map.of();
			byte[] raw = "base64".equals(properties.get("body_encoding")) ? Base64.getDecoder().decode(body)
					: body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			return this.mapper.readValue(raw, Map.class);
		}
		catch (JacksonException | IllegalArgumentException | ClassCastException ex) {
			throw new CeleryMessageRefusedException("Not a kombu message: " + ex.getMessage());
		}
	}

}
