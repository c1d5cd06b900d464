package dev.celerity.message;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;

/**
 * Writes a {@link TaskMessage} on a streaming generator, field by field, producing exactly the JSON the codec's
 * mapper produces for it (snake-case names in declaration order, empty strings, lists and maps left out) without
 * the mapper's per-call lookups and bean introspection. Argument values go through {@link JsonValues}.
 */
final class TaskMessageWriter {

	private TaskMessageWriter() {
	}

	static void write(JsonGenerator generator, TaskMessage message) {
		generator.writeStartObject();
		text(generator, "id", message.id());
		text(generator, "task", message.task());
		values(generator, "args", message.args());
		object(generator, "kwargs", message.kwargs());
		headers(generator, message.headers());
		delivery(generator, message.delivery());
		embed(generator, message.embed());
		generator.writeEndObject();
	}

	private static void headers(JsonGenerator generator, MessageHeaders headers) {
		generator.writeName("headers");
		generator.writeStartObject();
		generator.writeName("retries");
		generator.writeNumber(headers.retries());
		instant(generator, "eta", headers.eta());
		instant(generator, "expires", headers.expires());
		text(generator, "root_id", headers.rootId());
		text(generator, "parent_id", headers.parentId());
		text(generator, "group", headers.group());
		object(generator, "extra", headers.extra());
		values(generator, "timelimit", headers.timelimit());
		if (headers.ignoreResult() != null) {
			generator.writeName("ignore_result");
			generator.writeBoolean(headers.ignoreResult());
		}
		generator.writeEndObject();
	}

	private static void delivery(JsonGenerator generator, DeliveryInfo delivery) {
		if (delivery == null) {
			return;
		}
		generator.writeName("delivery");
		generator.writeStartObject();
		text(generator, "queue", delivery.queue());
		generator.writeName("priority");
		generator.writeNumber(delivery.priority());
		text(generator, "routed_by", delivery.routedBy());
		generator.writeEndObject();
	}

	private static void embed(JsonGenerator generator, MessageEmbed embed) {
		generator.writeName("embed");
		generator.writeStartObject();
		signatures(generator, "callbacks", embed.callbacks());
		signatures(generator, "errbacks", embed.errbacks());
		signatures(generator, "chain", embed.chain());
		ChainRef chainRef = embed.chainRef();
		if (chainRef != null) {
			generator.writeName("chain_ref");
			generator.writeStartObject();
			text(generator, "id", chainRef.id());
			generator.writeName("position");
			generator.writeNumber(chainRef.position());
			generator.writeName("size");
			generator.writeNumber(chainRef.size());
			generator.writeEndObject();
		}
		if (embed.chord() != null) {
			generator.writeName("chord");
			signature(generator, embed.chord());
		}
		generator.writeEndObject();
	}

	/**
	 * Writes a signature as the mapper writes a {@link SignatureSpec}.
	 * @param generator the generator
	 * @param signature the signature
	 */
	static void signature(JsonGenerator generator, SignatureSpec signature) {
		generator.writeStartObject();
		text(generator, "task", signature.task());
		values(generator, "args", signature.args());
		object(generator, "kwargs", signature.kwargs());
		object(generator, "options", signature.options());
		generator.writeName("immutable");
		generator.writeBoolean(signature.immutable());
		text(generator, "subtask_type", signature.subtaskType());
		generator.writeEndObject();
	}

	private static void signatures(JsonGenerator generator, String name, List<SignatureSpec> signatures) {
		if (signatures.isEmpty()) {
			return;
		}
		generator.writeName(name);
		generator.writeStartArray();
		for (SignatureSpec signature : signatures) {
			signature(generator, signature);
		}
		generator.writeEndArray();
	}

	private static void text(JsonGenerator generator, String name, String value) {
		if (value != null && !value.isEmpty()) {
			generator.writeName(name);
			generator.writeString(value);
		}
	}

	private static void instant(JsonGenerator generator, String name, Instant value) {
		if (value != null) {
			generator.writeName(name);
			generator.writeString(value.toString());
		}
	}

	private static void values(JsonGenerator generator, String name, Collection<?> values) {
		if (values != null && !values.isEmpty()) {
			generator.writeName(name);
			JsonValues.write(generator, values);
		}
	}

	private static void object(JsonGenerator generator, String name, Map<String, ?> map) {
		if (map != null && !map.isEmpty()) {
			generator.writeName(name);
			JsonValues.writeObject(generator, map);
		}
	}

}
