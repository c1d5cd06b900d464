package dev.celerity.backend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import dev.celerity.api.RemoteError;
import dev.celerity.message.JsonValues;
import dev.celerity.message.JsonValues.UnexpectedShape;
import dev.celerity.message.MessageCodec;

/**
 * The streaming form of a stored {@link TaskResult}: written field by field as exactly the JSON the codec's mapper
 * writes for it, and read back the same way, input outside that shape (a field it does not know, another form of
 * time) being left to the mapper. Every backend stores
 * and reads states through {@link #encode} and {@link #decode}.
 */
public final class TaskResultFormat {

	private TaskResultFormat() {
	}

	/**
	 * Encodes a state.
	 * @param codec the codec
	 * @param result the state
	 * @return the JSON bytes
	 */
	public static byte[] encode(MessageCodec codec, TaskResult result) {
		return codec.write(result, TaskResultFormat::write);
	}

	/**
	 * Decodes a state.
	 * @param codec the codec
	 * @param bytes the JSON bytes
	 * @return the state
	 */
	public static TaskResult decode(MessageCodec codec, byte[] bytes) {
		return codec.read(bytes, TaskResultFormat::read, TaskResult.class);
	}

	static void write(JsonGenerator generator, TaskResult result) {
		generator.writeStartObject();
		text(generator, "task_id", result.taskId());
		text(generator, "task_name", result.taskName());
		text(generator, "state", result.state());
		if (result.result() != null) {
			generator.writeName("result");
			JsonValues.write(generator, result.result());
		}
		generator.writeName("meta");
		JsonValues.writeObject(generator, result.meta());
		RemoteError error = result.error();
		if (error != null) {
			generator.writeName("error");
			generator.writeStartObject();
			if (error.type() != null && !error.type().isEmpty()) {
				text(generator, "type", error.type());
			}
			if (error.message() != null && !error.message().isEmpty()) {
				text(generator, "message", error.message());
			}
			if (!error.stackTrace().isEmpty()) {
				generator.writeName("stack_trace");
				JsonValues.write(generator, error.stackTrace());
			}
			generator.writeEndObject();
		}
		if (result.dateDone() != null) {
			text(generator, "date_done", result.dateDone().toString());
		}
		generator.writeName("ready");
		generator.writeBoolean(result.isReady());
		generator.writeEndObject();
	}

	static TaskResult read(JsonParser parser) {
		parser.nextToken();
		JsonValues.expect(parser, JsonToken.START_OBJECT);
		String taskId = null;
		String taskName = null;
		String state = null;
		Object value = null;
		Map<String, Object> meta = null;
		RemoteError error = null;
		Instant dateDone = null;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "task_id" -> taskId = JsonValues.readText(parser);
				case "task_name" -> taskName = JsonValues.readText(parser);
				case "state" -> state = JsonValues.readText(parser);
				case "result" -> value = JsonValues.read(parser);
				case "meta" -> meta = (parser.currentToken() == JsonToken.VALUE_NULL) ? null
						: JsonValues.readObject(parser);
				case "error" -> error = error(parser);
				case "date_done" -> dateDone = JsonValues.readInstant(parser);
				// derived from the state, written for readers of other languages
				case "ready" -> parser.skipChildren();
				default -> throw UnexpectedShape.INSTANCE;
			}
		}
		if (parser.nextToken() != null) {
			throw UnexpectedShape.INSTANCE;
		}
		return new TaskResult(taskId, taskName, state, value, meta, error, dateDone);
	}

	private static RemoteError error(JsonParser parser) {
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			return null;
		}
		JsonValues.expect(parser, JsonToken.START_OBJECT);
		String type = null;
		String message = null;
		List<String> stackTrace = null;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "type" -> type = JsonValues.readText(parser);
				case "message" -> message = JsonValues.readText(parser);
				case "stack_trace" -> stackTrace = lines(parser);
				default -> throw UnexpectedShape.INSTANCE;
			}
		}
		return new RemoteError(type, message, stackTrace);
	}

	private static List<String> lines(JsonParser parser) {
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			return null;
		}
		JsonValues.expect(parser, JsonToken.START_ARRAY);
		List<String> lines = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			JsonValues.expect(parser, JsonToken.VALUE_STRING);
			lines.add(parser.getString());
		}
		return lines;
	}

	private static void text(JsonGenerator generator, String name, String value) {
		if (value != null) {
			generator.writeName(name);
			generator.writeString(value);
		}
	}

}
