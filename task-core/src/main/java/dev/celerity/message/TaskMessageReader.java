package dev.celerity.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import dev.celerity.message.JsonValues.UnexpectedShape;

/**
 * Reads a {@link TaskMessage} from a streaming parser when the JSON is in the shape {@link TaskMessageWriter}
 * writes; anything else (a field it does not know, a number where a string belongs, a time the mapper would have to
 * interpret, trailing tokens) throws {@link UnexpectedShape}, and the codec reads the message with its mapper
 * instead, which accepts it the same way, refuses what it must (type ids) or names what is wrong.
 */
final class TaskMessageReader {

	private TaskMessageReader() {
	}

	static TaskMessage read(JsonParser parser) {
		parser.nextToken();
		JsonValues.expect(parser, JsonToken.START_OBJECT);
		String id = null;
		String task = null;
		List<Object> args = null;
		Map<String, Object> kwargs = null;
		MessageHeaders headers = null;
		DeliveryInfo delivery = null;
		MessageEmbed embed = null;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "id" -> id = text(parser);
				case "task" -> task = text(parser);
				case "args" -> args = nullable(parser) ? null : JsonValues.readArray(parser);
				case "kwargs" -> kwargs = nullable(parser) ? null : JsonValues.readObject(parser);
				case "headers" -> headers = headers(parser);
				case "delivery" -> delivery = delivery(parser);
				case "embed" -> embed = embed(parser);
				default -> throw UnexpectedShape.INSTANCE;
			}
		}
		if (parser.nextToken() != null) {
			throw UnexpectedShape.INSTANCE;
		}
		return new TaskMessage(id, task, args, kwargs, headers, delivery, embed);
	}

	private static MessageHeaders headers(JsonParser parser) {
		if (nullable(parser)) {
			return null;
		}
		JsonValues.expect(parser, JsonToken.START_OBJECT);
		Integer retries = null;
		Instant eta = null;
		Instant expires = null;
		String rootId = null;
		String parentId = null;
		String group = null;
		Map<String, String> extra = null;
		List<Double> timelimit = null;
		Boolean ignoreResult = null;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "retries" -> retries = integer(parser);
				case "eta" -> eta = instant(parser);
				case "expires" -> expires = instant(parser);
				case "root_id" -> rootId = text(parser);
				case "parent_id" -> parentId = text(parser);
				case "group" -> group = text(parser);
				case "extra" -> extra = extra(parser);
				case "timelimit" -> timelimit = timelimit(parser);
				case "ignore_result" -> ignoreResult = nullable(parser) ? null : bool(parser);
				default -> throw UnexpectedShape.INSTANCE;
			}
		}
		return new MessageHeaders(required(retries), eta, expires, rootId, parentId, group, extra, timelimit, ignoreResult);
	}

	private static DeliveryInfo delivery(JsonParser parser) {
		if (nullable(parser)) {
			return null;
		}
		JsonValues.expect(parser, JsonToken.START_OBJECT);
		String queue = null;
		Integer priority = null;
		String routedBy = null;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "queue" -> queue = text(parser);
				case "priority" -> priority = integer(parser);
				case "routed_by" -> routedBy = text(parser);
				default -> throw UnexpectedShape.INSTANCE;
			}
		}
		return new DeliveryInfo(queue, required(priority), routedBy);
	}

	private static MessageEmbed embed(JsonParser parser) {
		if (nullable(parser)) {
			return null;
		}
		JsonValues.expect(parser, JsonToken.START_OBJECT);
		List<SignatureSpec> callbacks = null;
		List<SignatureSpec> errbacks = null;
		List<SignatureSpec> chain = null;
		ChainRef chainRef = null;
		SignatureSpec chord = null;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "callbacks" -> callbacks = signatures(parser);
				case "errbacks" -> errbacks = signatures(parser);
				case "chain" -> chain = signatures(parser);
				case "chain_ref" -> chainRef = chainRef(parser);
				case "chord" -> chord = signature(parser);
				default -> throw UnexpectedShape.INSTANCE;
			}
		}
		return new MessageEmbed(callbacks, errbacks, chain, chainRef, chord, null);
	}

	private static ChainRef chainRef(JsonParser parser) {
		if (nullable(parser)) {
			return null;
		}
		JsonValues.expect(parser, JsonToken.START_OBJECT);
		String id = null;
		Integer position = null;
		Integer size = null;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "id" -> id = text(parser);
				case "position" -> position = integer(parser);
				case "size" -> size = integer(parser);
				default -> throw UnexpectedShape.INSTANCE;
			}
		}
		return new ChainRef(id, required(position), required(size));
	}

	private static List<SignatureSpec> signatures(JsonParser parser) {
		if (nullable(parser)) {
			return null;
		}
		JsonValues.expect(parser, JsonToken.START_ARRAY);
		List<SignatureSpec> signatures = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			SignatureSpec signature = signature(parser);
			if (signature == null) {
				throw UnexpectedShape.INSTANCE;
			}
			signatures.add(signature);
		}
		return signatures;
	}

	private static SignatureSpec signature(JsonParser parser) {
		if (nullable(parser)) {
			return null;
		}
		JsonValues.expect(parser, JsonToken.START_OBJECT);
		String task = null;
		List<Object> args = null;
		Map<String, Object> kwargs = null;
		Map<String, Object> options = null;
		Boolean immutable = null;
		String subtaskType = null;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "task" -> task = text(parser);
				case "args" -> args = nullable(parser) ? null : JsonValues.readArray(parser);
				case "kwargs" -> kwargs = nullable(parser) ? null : JsonValues.readObject(parser);
				case "options" -> options = nullable(parser) ? null : JsonValues.readObject(parser);
				case "immutable" -> immutable = bool(parser);
				case "subtask_type" -> subtaskType = text(parser);
				default -> throw UnexpectedShape.INSTANCE;
			}
		}
		return new SignatureSpec(task, args, kwargs, options, required(immutable), subtaskType);
	}

	private static Map<String, String> extra(JsonParser parser) {
		if (nullable(parser)) {
			return null;
		}
		JsonValues.expect(parser, JsonToken.START_OBJECT);
		Map<String, String> extra = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			JsonValues.expect(parser, JsonToken.VALUE_STRING);
			extra.put(name, parser.getString());
		}
		return extra;
	}

	private static List<Double> timelimit(JsonParser parser) {
		if (nullable(parser)) {
			return null;
		}
		JsonValues.expect(parser, JsonToken.START_ARRAY);
		List<Double> limits = new ArrayList<>(2);
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			JsonToken token = parser.currentToken();
			if (token == JsonToken.VALUE_NULL) {
				limits.add(null);
			}
			else if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
				limits.add(parser.getDoubleValue());
			}
			else {
				throw UnexpectedShape.INSTANCE;
			}
		}
		return limits;
	}

	/**
	 * Returns a primitive field's value: the mapper refuses a record whose primitive is missing, so the streaming
	 * reader leaves such input to it.
	 */
	private static <T> T required(T value) {
		if (value == null) {
			throw UnexpectedShape.INSTANCE;
		}
		return value;
	}

	private static boolean nullable(JsonParser parser) {
		return parser.currentToken() == JsonToken.VALUE_NULL;
	}

	private static String text(JsonParser parser) {
		return JsonValues.readText(parser);
	}

	private static int integer(JsonParser parser) {
		JsonValues.expect(parser, JsonToken.VALUE_NUMBER_INT);
		if (parser.getNumberType() != JsonParser.NumberType.INT) {
			throw UnexpectedShape.INSTANCE;
		}
		return parser.getIntValue();
	}

	private static boolean bool(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_TRUE) {
			return true;
		}
		if (token == JsonToken.VALUE_FALSE) {
			return false;
		}
		throw UnexpectedShape.INSTANCE;
	}

	private static Instant instant(JsonParser parser) {
		return JsonValues.readInstant(parser);
	}

}
