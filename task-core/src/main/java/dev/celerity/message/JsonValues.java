package dev.celerity.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Plain JSON values (maps with string keys, lists, strings, numbers, booleans, null) written and read on a streaming
 * generator or parser, exactly as the codec's mapper writes and reads them untyped; a value of any other type is
 * handed to the mapper behind the generator, so the output never differs from the mapper's own. The building blocks
 * of the streaming formats {@link MessageCodec#write(Object, java.util.function.BiConsumer)} and
 * {@link MessageCodec#read(byte[], java.util.function.Function, Class)} take.
 */
public final class JsonValues {

	private JsonValues() {
	}

	/**
	 * Writes a value.
	 * @param generator a generator made by the codec's mapper
	 * @param value the value
	 */
	public static void write(JsonGenerator generator, Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String string) {
			generator.writeString(string);
		}
		else if (value instanceof Integer number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Long number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Double number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else if (value instanceof List<?> list) {
			generator.writeStartArray();
			for (Object element : list) {
				write(generator, element);
			}
			generator.writeEndArray();
		}
		else if (value instanceof Map<?, ?> map && hasStringKeys(map)) {
			writeObject(generator, map);
		}
		else {
			generator.writePOJO(value);
		}
	}

	/**
	 * Writes a map with string keys as an object.
	 * @param generator a generator made by the codec's mapper
	 * @param map the map
	 */
	public static void writeObject(JsonGenerator generator, Map<?, ?> map) {
		generator.writeStartObject();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			generator.writeName((String) entry.getKey());
			write(generator, entry.getValue());
		}
		generator.writeEndObject();
	}

	private static boolean hasStringKeys(Map<?, ?> map) {
		for (Object key : map.keySet()) {
			if (!(key instanceof String)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads the value at the parser's current token, leaving the parser on its last token.
	 * @param parser the parser
	 * @return the value, as the mapper reads {@code Object}: {@link LinkedHashMap}, {@link ArrayList}, string,
	 * {@code Integer} / {@code Long} / {@code BigInteger}, {@code Double}, boolean or {@code null}
	 */
	public static Object read(JsonParser parser) {
		JsonToken token = parser.currentToken();
		switch (token) {
			case VALUE_STRING:
				return parser.getString();
			case VALUE_NUMBER_INT:
			case VALUE_NUMBER_FLOAT:
				return parser.getNumberValue();
			case VALUE_TRUE:
				return Boolean.TRUE;
			case VALUE_FALSE:
				return Boolean.FALSE;
			case VALUE_NULL:
				return null;
			case START_ARRAY:
				return readArray(parser);
			case START_OBJECT:
				return readObject(parser);
			default:
				throw UnexpectedShape.INSTANCE;
		}
	}

	/**
	 * Reads the array at the parser's current token.
	 * @param parser the parser, on {@code START_ARRAY}
	 * @return the elements
	 */
	public static List<Object> readArray(JsonParser parser) {
		expect(parser, JsonToken.START_ARRAY);
		List<Object> list = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			list.add(read(parser));
		}
		return list;
	}

	/**
	 * Reads the object at the parser's current token.
	 * @param parser the parser, on {@code START_OBJECT}
	 * @return the members, in order
	 */
	public static Map<String, Object> readObject(JsonParser parser) {
		expect(parser, JsonToken.START_OBJECT);
		Map<String, Object> map = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			map.put(name, read(parser));
		}
		return map;
	}

	/**
	 * Reads the text or {@code null} at the parser's current token.
	 * @param parser the parser
	 * @return the text, or {@code null}
	 */
	public static String readText(JsonParser parser) {
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			return null;
		}
		expect(parser, JsonToken.VALUE_STRING);
		return parser.getString();
	}

	/**
	 * Reads a time at the parser's current token, in the one form the streaming writers produce: ISO-8601 in UTC
	 * ({@link Instant#toString()}); every other form is the mapper's to interpret.
	 * @param parser the parser
	 * @return the time, or {@code null}
	 */
	public static Instant readInstant(JsonParser parser) {
		String text = readText(parser);
		if (text == null) {
			return null;
		}
		if (!text.endsWith("Z")) {
			throw UnexpectedShape.INSTANCE;
		}
		return Instant.parse(text);
	}

	/**
	 * Fails unless the parser is on a token.
	 * @param parser the parser
	 * @param token the token expected
	 */
	public static void expect(JsonParser parser, JsonToken token) {
		if (parser.currentToken() != token) {
			throw UnexpectedShape.INSTANCE;
		}
	}

	/**
	 * Thrown where the input is not in the shape a streaming reader handles itself; the caller then reads it with
	 * the mapper, which either accepts it or explains what is wrong.
	 */
	public static final class UnexpectedShape extends RuntimeException {

		private static final long serialVersionUID = 1L;

		/** The one instance: it carries no stack trace and no state. */
		public static final UnexpectedShape INSTANCE = new UnexpectedShape();

		private UnexpectedShape() {
			super("Not in the canonical shape", null, false, false);
		}

	}

}
