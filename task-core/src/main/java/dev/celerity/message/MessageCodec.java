package dev.celerity.message;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import dev.celerity.api.RemoteError;

/**
 * The one JSON codec of every broker and backend: its own mapper, no default typing, so message content can never
 * name a class to instantiate.
 */
public class MessageCodec {

	/** The largest message a codec made without a limit encodes or decodes. */
	public static final int NO_LIMIT = Integer.MAX_VALUE;

	private static final int INITIAL_BUFFER_BYTES = 512;

	private final JsonMapper mapper;

	private final int maxMessageBytes;

	// bound once: a message the streaming reader leaves to the mapper is read through it, skipping the lookup of
	// its deserializer that a call on the mapper makes each time
	private final ObjectReader messageReader;

	/**
	 * Creates a codec with Celerity's mapper settings and no limit on the size of a message.
	 */
	public MessageCodec() {
		this(NO_LIMIT);
	}

	/**
	 * Creates a codec with Celerity's mapper settings that refuses messages over a size.
	 * @param maxMessageBytes the largest encoded message, in bytes
	 */
	public MessageCodec(int maxMessageBytes) {
		if (maxMessageBytes < 1) {
			throw new IllegalArgumentException("The message size limit must be positive, but was " + maxMessageBytes);
		}
		this.maxMessageBytes = maxMessageBytes;
		// buffers recycled per thread, as Jackson 2 did: the default shared deque is contended by every worker
		// thread encoding and decoding at once, and cost a busy pool more than the encoding itself
		JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();
		this.mapper = JsonMapper.builder(factory)
			.addMixIn(TaskMessage.class, SnakeCaseEnvelope.class)
			.addMixIn(MessageHeaders.class, SnakeCaseEnvelope.class)
			.addMixIn(DeliveryInfo.class, SnakeCaseEnvelope.class)
			.addMixIn(MessageEmbed.class, SnakeCaseEnvelope.class)
			.addMixIn(SignatureSpec.class, SnakeCaseEnvelope.class)
			.addMixIn(RemoteError.class, SnakeCaseEnvelope.class)
			.addModule(new SimpleModule("celerity-records") {

				@Override
				public void setupModule(SetupContext context) {
					super.setupModule(context);
					context.addValueInstantiators(new RecordInstantiators());
				}

			})
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
		this.messageReader = this.mapper.readerFor(TaskMessage.class).withHandler(new TypeIdRefusal());
	}

	/**
	 * Encodes a message.
	 * @param message the message
	 * @return UTF-8 JSON
	 * @throws MessageTooLargeException if the encoded message is over this codec's size limit
	 */
	public byte[] encode(TaskMessage message) {
		byte[] encoded = write(message, TaskMessageWriter::write);
		if (encoded.length > this.maxMessageBytes) {
			throw new MessageTooLargeException(message.id(), message.task(), encoded.length, this.maxMessageBytes);
		}
		return encoded;
	}

	/**
	 * Decodes a message.
	 * @param bytes UTF-8 JSON
	 * @return the message
	 * @throws MessageDecodingException if the bytes are not a task message
	 */
	public TaskMessage decode(byte[] bytes) {
		if (bytes.length > this.maxMessageBytes) {
			// refused before parsing: a huge body must not cost the worker the memory to read it
			throw new MessageDecodingException("Message of " + bytes.length + " bytes is over the limit of "
					+ this.maxMessageBytes + " bytes (celerity.message.max-size)", null);
		}
		TaskMessage message = readStreaming(bytes, TaskMessageReader::read);
		if (message == null) {
			try {
				message = this.messageReader.readValue(bytes);
			}
			catch (JacksonException ex) {
				throw new MessageDecodingException("Not a task message: " + location(ex) + ex.getOriginalMessage(), ex);
			}
		}
		List<String> missing = new ArrayList<>();
		if (message == null || message.id() == null) {
			missing.add("id");
		}
		if (message == null || message.task() == null) {
			missing.add("task");
		}
		if (message == null || message.delivery() == null) {
			missing.add("delivery");
		}
		if (!missing.isEmpty()) {
			throw new MessageDecodingException("Not a task message: no " + String.join(", ", missing)
					+ " (id, task and delivery are required)", null);
		}
		return message;
	}

	// where in the message the failure is, as a path of fields and indexes ("headers.retries", "args[1]")
	private static String location(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "" : "at " + path + ": ";
	}

	/**
	 * Writes a value with a streaming format: a writer that emits, field by field, exactly the JSON the mapper
	 * writes for the value, handing values of other types to the mapper through {@link JsonValues}.
	 * @param <T> the value's type
	 * @param value the value
	 * @param format writes the value on a generator of this codec's mapper
	 * @return the JSON bytes
	 */
	public <T> byte[] write(T value, BiConsumer<JsonGenerator, ? super T> format) {
		ByteArrayBuilder buffer = new ByteArrayBuilder(INITIAL_BUFFER_BYTES);
		try (JsonGenerator generator = this.mapper.createGenerator(buffer)) {
			format.accept(generator, value);
		}
		return buffer.toByteArray();
	}

	/**
	 * Reads a value with a streaming format, falling back to the mapper for input the format does not read itself.
	 * @param <T> the value's type
	 * @param bytes the JSON
	 * @param format reads the value from a parser positioned before its first token, and throws (for instance
	 * {@link JsonValues.UnexpectedShape}) on input outside the shape it writes
	 * @param type the type the mapper reads in the format's place
	 * @return the value
	 */
	public <T> T read(byte[] bytes, Function<JsonParser, T> format, Class<T> type) {
		T value = readStreaming(bytes, format);
		return (value != null) ? value : read(bytes, type);
	}

	/**
	 * Reads a value in the shape a streaming format writes; anything else (or anything the records refuse) is left
	 * to the mapper, whose reading is the reference and whose errors name the problem.
	 * @return the value, or {@code null} when it is the mapper's to read
	 */
	<T> T readStreaming(byte[] bytes, Function<JsonParser, T> format) {
		try (JsonParser parser = this.mapper.createParser(bytes)) {
			return format.apply(parser);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Writes any value (a result, a record) as UTF-8 JSON.
	 * @param value the value
	 * @return the JSON bytes
	 */
	public byte[] write(Object value) {
		return this.mapper.writeValueAsBytes(value);
	}

	/**
	 * Reads UTF-8 JSON into a type.
	 * @param <T> the type
	 * @param bytes the JSON
	 * @param type the class to read
	 * @return the value
	 */
	public <T> T read(byte[] bytes, Class<T> type) {
		return this.mapper.readValue(bytes, type);
	}

	/**
	 * Converts a value to plain JSON values (maps, lists, strings, numbers, booleans), as a receiver would see it.
	 * @param value any value
	 * @return its JSON form
	 */
	public Object toJsonValue(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long) {
			return value;
		}
		return this.mapper.convertValue(value, Object.class);
	}

	/**
	 * Converts a JSON value to a declared (possibly generic) Java type.
	 * @param <T> the type
	 * @param value a JSON value
	 * @param type the target type
	 * @return the converted value
	 */
	@SuppressWarnings("unchecked")
	public <T> T convert(Object value, Type type) {
		if (value == null) {
			return null;
		}
		if (type == Object.class || (type instanceof Class<?> cls && cls.isInstance(value) && !isContainer(cls))) {
			return (T) value;
		}
		return this.mapper.convertValue(value, javaType(type));
	}

	/**
	 * Resolves a reflective type to Jackson's type model.
	 * @param type the type
	 * @return the Jackson type
	 */
	public JavaType javaType(Type type) {
		return this.mapper.getTypeFactory().constructType(type);
	}

	/**
	 * Converts a JSON value to a resolved Jackson type.
	 * @param <T> the type
	 * @param value a JSON value
	 * @param type the target type
	 * @return the converted value
	 */
	public <T> T convert(Object value, JavaType type) {
		if (value == null) {
			return null;
		}
		if (!type.isContainerType() && type.getRawClass().isInstance(value)) {
			@SuppressWarnings("unchecked")
			T same = (T) value;
			return same;
		}
		return this.mapper.convertValue(value, type);
	}

	private static boolean isContainer(Class<?> type) {
		return java.util.Collection.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type)
				|| type.isArray();
	}

	/**
	 * Envelope fields are written in Celery's snake case and left out when empty (the records read a missing field
	 * as empty); task arguments and results keep their own names and shapes.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	private interface SnakeCaseEnvelope {

	}

}
