package dev.celerity.message;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Refuses a type-id property ({@code @class}, {@code @type}, {@code @c}, any name starting with {@code @}) in the
 * envelope of a task message. The codec never writes one and never reads one as a type (it has no default typing),
 * so its presence means a producer that names classes to load, or an attack: the message is refused, with the
 * property named, rather than run with the property ignored. Arguments and results are plain JSON values and may
 * hold such keys as data.
 */
final class TypeIdRefusal extends DeserializationProblemHandler {

	@Override
	public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
			ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws JacksonException {
		if (propertyName.startsWith("@")) {
			return context.reportInputMismatch(deserializer,
					"type id property '%s' refused: a task message never names a class to load", propertyName);
		}
		return false;
	}

}
